import Fluent
import Foundation

/// A year's 评价结果应用 rule as the bureau set it.
final class ResultRuleModel: Model, @unchecked Sendable {
    static let schema = "result_rules"

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    /// `ResultUseRuleJSON`.
    @Field(key: "rule") var rule: String
    @Field(key: "changed_by") var changedBy: String
    @Field(key: "changed_at") var changedAt: Date

    init() {}
}
