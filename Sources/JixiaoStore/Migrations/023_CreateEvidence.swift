import Fluent

/// 佐证材料: files a department attaches to an indicator, an activity, a procurement or a task, kept with their
/// SHA-256 by organisation and year (so a re-imported year keeps them).
struct CreateEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EvidenceModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("subject", .string, .required)
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EvidenceModel.schema).delete()
    }
}
