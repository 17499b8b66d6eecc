import Fluent

/// The review rounds of each department-year (绩效目标, 绩效自评) and every step taken in them. Keyed by the
/// organisation and the year, not the year's row, so replacing a year's data keeps its review history.
struct CreateReviewRounds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewRoundModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("round", .string, .required)
            .field("state", .string, .required)
            .field("grade", .string)
            .field("reason", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id", "year", "round")
            .create()
        try await database.schema(ReviewEventModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("round", .string, .required)
            .field("action", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("actor", .string, .required)
            .field("role", .string, .required)
            .field("reason", .string, .required)
            .field("grade", .string)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewEventModel.schema).delete()
        try await database.schema(ReviewRoundModel.schema).delete()
    }
}
