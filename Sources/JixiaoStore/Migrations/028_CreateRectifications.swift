import Fluent

/// 整改: findings made into items with an owner, a deadline and a status, one per finding of a department-year.
struct CreateRectifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RectificationModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("number", .int, .required)
            .field("finding_code", .string, .required)
            .field("subject", .string, .required)
            .field("problem", .string, .required)
            .field("measure", .string, .required)
            .field("owner", .string, .required)
            .field("deadline", .string, .required)
            .field("status", .string, .required)
            .field("progress", .string, .required)
            .field("created_by", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            // Named: PostgreSQL would cut both generated names to the same 63 characters.
            .unique(on: "organisation_id", "year", "finding_code", "subject", name: "rectifications_one_per_finding")
            .unique(on: "organisation_id", "year", "number", name: "rectifications_numbered")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RectificationModel.schema).delete()
    }
}
