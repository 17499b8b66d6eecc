import Fluent

struct CreateBudgetLines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BudgetLineModel.schema)
            .id()
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("initial_fen", .int64, .required)
            .field("adjusted_fen", .int64, .required)
            .field("executed_fen", .int64)
            .field("plan", .string, .required)
            .field("version", .int, .required)
            .unique(on: "year_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BudgetLineModel.schema).delete()
    }
}
