import Fluent
import Foundation

/// The evaluation of a stored year as of its last change: the score, grade and execution rate the bureau's lists
/// compare across hundreds of departments without recomputing each, and the full `evaluate --json` document.
public final class EvaluationModel: Model, @unchecked Sendable {
    public static let schema = "evaluations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "year_id") public var fiscalYear: FiscalYearModel
    /// The year's department: the column a distributed store shards by (``Distribution``).
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "total") public var total: String
    @Field(key: "grade") public var grade: String
    /// executed / adjusted, half-up to four decimals, or nil without a budget.
    @OptionalField(key: "rate") public var rate: String?
    /// How many findings of severity high or medium.
    @Field(key: "findings") public var findings: Int
    /// Points of the self-score no record supports (``SpotCheck/unsupportedPoints(_:)``), exact decimal.
    @Field(key: "unsupported") public var unsupported: String
    /// The year's ``ScoringInputs`` as ``ScoringInputsJSON`` writes them: what a what-if re-scores.
    @Field(key: "inputs") public var inputs: String
    /// The `evaluate --json` document.
    @Field(key: "result") public var result: String
    @Field(key: "computed_at") public var computedAt: Date

    public init() {}
}
