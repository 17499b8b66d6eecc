import Fluent

struct CreateFiscalYears: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FiscalYearModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year", .int, .required)
            .field("template", .string, .required)
            .field("money_unit", .string, .required)
            .field("overview", .string, .required)
            .field("goal", .string, .required)
            .field("tasks", .string, .required)
            .field("narrative", .string, .required)
            .field("assets", .string)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FiscalYearModel.schema).delete()
    }
}
