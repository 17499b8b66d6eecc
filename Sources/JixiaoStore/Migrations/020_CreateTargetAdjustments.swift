import Fluent

/// 目标调整: requests to change an approved target (before and after, reason, state) and the history of every
/// target — as the bureau approved it and as each approved adjustment changed it.
struct CreateTargetAdjustments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TargetAdjustmentModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("number", .int, .required)
            .field("indicator_id", .string, .required)
            .field("indicator_name", .string, .required)
            .field("before", .string, .required)
            .field("after", .string, .required)
            .field("reason", .string, .required)
            .field("state", .string, .required)
            .field("return_reason", .string, .required)
            .field("requested_by", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id", "year", "number")
            .create()
        try await database.schema(TargetHistoryModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("indicator_id", .string, .required)
            .field("indicator_name", .string, .required)
            .field("event", .string, .required)
            .field("target", .string, .required)
            .field("reason", .string, .required)
            .field("actor", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TargetHistoryModel.schema).delete()
        try await database.schema(TargetAdjustmentModel.schema).delete()
    }
}
