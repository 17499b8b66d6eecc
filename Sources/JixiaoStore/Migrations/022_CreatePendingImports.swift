import Fluent

/// Uploads of a year that is already stored, kept (as bundle JSON, or the archive with its evidence) while the person who uploaded them looks at what
/// replacing would change; confirmed, they replace the year, and they are dropped after an hour either way.
struct CreatePendingImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PendingImportModel.schema)
            .id()
            .field("username", .string, .required)
            .field("code", .string, .required)
            .field("year", .int, .required)
            .field("file", .string, .required)
            .field("bundle", .string, .required)
            .field("archive", .data)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PendingImportModel.schema).delete()
    }
}
