import Fluent

struct CreateEvaluations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EvaluationModel.schema)
            .id()
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("total", .string, .required)
            .field("grade", .string, .required)
            .field("rate", .string)
            .field("findings", .int, .required)
            .field("result", .string, .required)
            .field("computed_at", .datetime, .required)
            .unique(on: "year_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EvaluationModel.schema).delete()
    }
}
