import Fluent
import Foundation

/// Where one review round of a department-year stands.
final class ReviewRoundModel: Model, @unchecked Sendable {
    static let schema = "review_rounds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    /// A `ReviewRound` raw value.
    @Field(key: "round") var round: String
    /// A `ReviewState` raw value.
    @Field(key: "state") var state: String
    /// The bureau's grade of approved targets (优/良/中/差).
    @OptionalField(key: "grade") var grade: String?
    /// The reason of the last return, shown until the round is submitted again.
    @Field(key: "reason") var reason: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One step taken in a review round: who, when, from which state to which, and why.
final class ReviewEventModel: Model, @unchecked Sendable {
    static let schema = "review_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    @Field(key: "round") var round: String
    @Field(key: "action") var action: String
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "actor") var actor: String
    @Field(key: "role") var role: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "grade") var grade: String?
    @Field(key: "at") var at: Date

    init() {}
}

/// A year's review campaign: the due dates (ISO `YYYY-MM-DD`) of the targets and the self-evaluation.
final class ReviewCampaignModel: Model, @unchecked Sendable {
    static let schema = "review_campaigns"

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "targets_due") var targetsDue: String
    @Field(key: "evaluation_due") var evaluationDue: String

    init() {}
}

/// One published version of a department-year's self-evaluation.
final class PublicationModel: Model, @unchecked Sendable {
    static let schema = "publications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    @Field(key: "version") var version: Int
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "bundle") var bundle: String
    @Field(key: "html") var html: String
    @Field(key: "docx") var docx: Data
    @Field(key: "xlsx") var xlsx: Data
    @OptionalField(key: "pdf") var pdf: Data?
    @Field(key: "score_csv") var scoreCSV: String

    init() {}
}
