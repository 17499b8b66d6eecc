import Fluent

struct CreateRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RecordModel.schema)
            .id()
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("position", .int, .required)
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("definition", .string, .required)
            .field("version", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecordModel.schema).delete()
    }
}
