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
    /// The last return's notes pointed at parts of the year, JSON `[{section, indicator, note}]`.
    @Field(key: "remarks") var remarks: String
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
    /// A return's notes pointed at parts of the year, JSON `[{section, indicator, note}]`.
    @Field(key: "remarks") var remarks: String
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
    /// The re-check difference (points, a decimal) beyond which a department is flagged.
    @Field(key: "recheck_threshold") var recheckThreshold: String
    /// Days from the bureau's approval of a self-evaluation to its publication.
    @Field(key: "publish_days") var publishDays: Int

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

/// A draw of departments for re-checking (自评复核): how they were drawn (with the seed of a random draw), by whom.
final class SpotCheckModel: Model, @unchecked Sendable {
    static let schema = "spot_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    /// `random:SEED` or `risk:MEASURE`.
    @Field(key: "method") var method: String
    @Field(key: "drawn_by") var drawnBy: String
    @Field(key: "drawn_at") var drawnAt: Date

    init() {}
}

/// A department-year drawn for re-checking, its place in the draw and its risk figure when drawn.
final class RecheckModel: Model, @unchecked Sendable {
    static let schema = "rechecks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    @Parent(key: "spot_check_id") var spotCheck: SpotCheckModel
    @Field(key: "position") var position: Int
    @Field(key: "risk") var risk: String

    init() {}
}

/// The bureau's re-score of one item (an indicator, or `budget`) of a drawn department-year.
final class RescoreModel: Model, @unchecked Sendable {
    static let schema = "recheck_scores"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    @Field(key: "item") var item: String
    /// An exact decimal.
    @Field(key: "score") var score: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "file_name") var fileName: String?
    @OptionalField(key: "file_type") var fileType: String?
    @OptionalField(key: "file_data") var fileData: Data?
    @OptionalField(key: "file_sha256") var fileSHA256: String?
    @Field(key: "actor") var actor: String
    @Field(key: "at") var at: Date

    init() {}
}

/// A request to change an approved target (目标调整).
final class TargetAdjustmentModel: Model, @unchecked Sendable {
    static let schema = "target_adjustments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    /// The request's number within its department-year, from 1.
    @Field(key: "number") var number: Int
    @Field(key: "indicator_id") var indicatorID: String
    @Field(key: "indicator_name") var indicatorName: String
    /// The target before and as asked, JSON `{target, unit, direction, weight}`.
    @Field(key: "before") var before: String
    @Field(key: "after") var after: String
    @Field(key: "reason") var reason: String
    /// A `TargetAdjustment.State` raw value.
    @Field(key: "state") var state: String
    @Field(key: "return_reason") var returnReason: String
    @Field(key: "requested_by") var requestedBy: String
    @Field(key: "requested_at") var requestedAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One entry of a target's history: as approved with the targets, or as an approved adjustment changed it.
final class TargetHistoryModel: Model, @unchecked Sendable {
    static let schema = "target_history"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    @Field(key: "indicator_id") var indicatorID: String
    @Field(key: "indicator_name") var indicatorName: String
    /// `approved` or `adjusted`.
    @Field(key: "event") var event: String
    /// JSON `{target, unit, direction, weight}`.
    @Field(key: "target") var target: String
    @Field(key: "reason") var reason: String
    @Field(key: "actor") var actor: String
    @Field(key: "at") var at: Date

    init() {}
}
