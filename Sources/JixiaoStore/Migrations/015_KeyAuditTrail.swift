import Fluent
import SQLKit

/// The audit trail is keyed and anchored: entries gain the actor's role, the source address and the outcome, and a
/// scheme number (entries written before keep scheme 1, plain SHA-256, and are sealed by a keyed checkpoint when the
/// store first starts with its key); the anchors table holds the keyed head, checkpoints and pruning base.
struct KeyAuditTrail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column at a time: SQLite adds columns one per statement.
        for field in ["role", "source"] {
            try await database.schema(AuditEntryModel.schema)
                .field(.string(field), .string, .required, .sql(.default(""))).update()
        }
        try await database.schema(AuditEntryModel.schema)
            .field("outcome", .string, .required, .sql(.default(AuditOutcome.success.rawValue))).update()
        try await database.schema(AuditEntryModel.schema).field("scheme", .int, .required, .sql(.default(1))).update()
        try await database.schema(AuditAnchorModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("sequence", .int, .required)
            .field("hash", .string, .required)
            .field("at", .datetime, .required)
            .field("mac", .string, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "audit_entries_at").on(AuditEntryModel.schema)
            .column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "audit_entries_at").run()
        try await database.schema(AuditAnchorModel.schema).delete()
        for field in ["role", "source", "outcome", "scheme"] {
            try await database.schema(AuditEntryModel.schema).deleteField(.string(field)).update()
        }
    }
}
