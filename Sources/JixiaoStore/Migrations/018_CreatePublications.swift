import Fluent

/// Published self-evaluations: each version's exact documents and the data they were made from, never changed.
struct CreatePublications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicationModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("version", .int, .required)
            .field("published_at", .datetime, .required)
            .field("bundle", .string, .required)
            .field("html", .string, .required)
            .field("docx", .data, .required)
            .field("xlsx", .data, .required)
            .field("pdf", .data)
            .field("score_csv", .string, .required)
            .unique(on: "organisation_id", "year", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicationModel.schema).delete()
    }
}
