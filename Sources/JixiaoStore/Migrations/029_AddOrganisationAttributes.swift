import Fluent

/// What the bureau compares departments by: 行政区划, 归口处室 and 单位类型 on each organisation, empty until the
/// bureau's 单位名录 says.
struct AddOrganisationAttributes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for field in ["region", "group_name", "category"] {
            try await database.schema(OrganisationModel.schema)
                .field(.string(field), .string, .required, .sql(.default(""))).update()
        }
    }

    func revert(on database: any Database) async throws {
        for field in ["category", "group_name", "region"] {
            try await database.schema(OrganisationModel.schema).deleteField(.string(field)).update()
        }
    }
}
