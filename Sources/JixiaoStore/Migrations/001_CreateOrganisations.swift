import Fluent

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references(OrganisationModel.schema, .id))
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema).delete()
    }
}
