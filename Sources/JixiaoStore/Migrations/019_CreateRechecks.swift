import Fluent

/// 自评复核: the bureau's draws of departments to re-check and its re-scores (each with a reason and an optional
/// file); each year's campaign gains the re-check threshold and the publication period; each evaluation snapshot
/// gains the points no record supports (the risk a draw can rank by), computed here for the years already stored.
struct CreateRechecks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SpotCheckModel.schema)
            .id()
            .field("year", .int, .required)
            .field("method", .string, .required)
            .field("drawn_by", .string, .required)
            .field("drawn_at", .datetime, .required)
            .create()
        try await database.schema(RecheckModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("spot_check_id", .uuid, .required, .references(SpotCheckModel.schema, .id))
            .field("position", .int, .required)
            .field("risk", .string, .required)
            .unique(on: "organisation_id", "year")
            .create()
        try await database.schema(RescoreModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("item", .string, .required)
            .field("score", .string, .required)
            .field("reason", .string, .required)
            .field("file_name", .string)
            .field("file_type", .string)
            .field("file_data", .data)
            .field("file_sha256", .string)
            .field("actor", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "organisation_id", "year", "item")
            .create()
        try await database.schema(ReviewCampaignModel.schema)
            .field("recheck_threshold", .string, .required, .sql(.default("5"))).update()
        try await database.schema(ReviewCampaignModel.schema)
            .field("publish_days", .int, .required, .sql(.default(20))).update()
        try await database.schema(EvaluationModel.schema)
            .field("unsupported", .string, .required, .sql(.default("0"))).update()
        for fiscal in try await FiscalYearModel.query(on: database).all() {
            try await EvaluationSnapshots.refresh(yearID: try fiscal.requireID(), on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EvaluationModel.schema).deleteField("unsupported").update()
        try await database.schema(ReviewCampaignModel.schema).deleteField("publish_days").update()
        try await database.schema(ReviewCampaignModel.schema).deleteField("recheck_threshold").update()
        try await database.schema(RescoreModel.schema).delete()
        try await database.schema(RecheckModel.schema).delete()
        try await database.schema(SpotCheckModel.schema).delete()
    }
}
