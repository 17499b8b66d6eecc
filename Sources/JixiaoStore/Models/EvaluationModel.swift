import Fluent
import Foundation

/// The evaluation of a stored year as of its last change: the score, grade and execution rate the bureau's lists
/// compare across hundreds of departments without recomputing each, and the full `evaluate --json` document.
final class EvaluationModel: Model, @unchecked Sendable {
    static let schema = "evaluations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "year_id") var fiscalYear: FiscalYearModel
    /// The year's department: the column a distributed store shards by (``Distribution``).
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "total") var total: String
    @Field(key: "grade") var grade: String
    /// executed / adjusted, half-up to four decimals, or nil without a budget.
    @OptionalField(key: "rate") var rate: String?
    /// How many findings of severity high or medium.
    @Field(key: "findings") var findings: Int
    /// Points of the self-score no record supports (``SpotCheck/unsupportedPoints(_:)``), exact decimal.
    @Field(key: "unsupported") var unsupported: String
    /// The year's ``ScoringInputs`` as ``ScoringInputsJSON`` writes them: what a what-if re-scores.
    @Field(key: "inputs") var inputs: String
    /// The `evaluate --json` document.
    @Field(key: "result") var result: String
    @Field(key: "computed_at") var computedAt: Date

    init() {}
}
