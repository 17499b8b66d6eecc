import Fluent

struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("sequence", .int, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("before", .string, .required)
            .field("after", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema).delete()
    }
}
