import Fluent

/// Each budget line keeps last year's payments by month (JSON `[{ "month", "amount" }]` in the year's unit), the
/// profile the forecast follows for a line without a plan. Lines stored before it have none.
struct AddLastYearToBudgetLines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BudgetLineModel.schema).field("last_year", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BudgetLineModel.schema).deleteField("last_year").update()
    }
}
