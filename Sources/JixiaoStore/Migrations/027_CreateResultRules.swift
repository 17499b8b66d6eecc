import Fluent

/// 评价结果应用: the bureau's rule turning grades and timeliness into next year's budget suggestions, one per
/// fiscal year (JSON as `ResultUseRuleJSON` writes it), with who set it and when.
struct CreateResultRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ResultRuleModel.schema)
            .id()
            .field("year", .int, .required)
            .field("rule", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ResultRuleModel.schema).delete()
    }
}
