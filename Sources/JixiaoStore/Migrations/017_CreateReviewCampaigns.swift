import Fluent

/// The bureau's review campaign of a year: when every department's targets and self-evaluation are due.
struct CreateReviewCampaigns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewCampaignModel.schema)
            .id()
            .field("year", .int, .required)
            .field("targets_due", .string, .required)
            .field("evaluation_due", .string, .required)
            .unique(on: "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewCampaignModel.schema).delete()
    }
}
