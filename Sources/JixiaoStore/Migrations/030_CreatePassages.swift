import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// The fingerprints of each department-year's written text (``PassageFingerprints``), computed here for the years
/// already stored from their 部门概况 and report sections. Listed before the migrations that refresh evaluation
/// snapshots (a refresh keeps these tables).
struct CreatePassages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PassageFingerprints.passages)
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("year", .int, .required)
            .field("position", .int, .required)
            .field("section", .string, .required)
            .field("paragraph", .int, .required)
            .field("text", .string, .required)
            .field("signature", .string, .required)
            .compositeIdentifier(over: "organisation_id", "year_id", "position")
            .create()
        try await database.schema(PassageFingerprints.bands)
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("year", .int, .required)
            .field("position", .int, .required)
            .field("band_number", .int, .required)
            .field("band", .int64, .required)
            .compositeIdentifier(over: "organisation_id", "year_id", "position", "band_number")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "passage_bands_by_key").on(PassageFingerprints.bands).column("year").column("band").run()
        try await sql.create(index: "passage_bands_by_year").on(PassageFingerprints.bands).column("year_id").run()
        try await sql.create(index: "passages_by_year").on(PassageFingerprints.passages).column("year").run()
        let fingerprints = PassageFingerprints(database: database)
        for fiscal in try await FiscalYearModel.query(on: database).with(\.$organisation).all() {
            var narrative: [NarrativeSection: String] = [:]
            if case .object(let members)? = try? JSONParser.parse(Data(fiscal.narrative.utf8)) {
                for member in members {
                    if let section = NarrativeSection(rawValue: member.key), let text = member.value.string {
                        narrative[section] = text
                    }
                }
            }
            let passages = NearDuplicates.passages(code: fiscal.organisation.code, name: fiscal.organisation.name,
                                                   overview: fiscal.overview, narrative: narrative)
            try await fingerprints.keep(passages, yearID: try fiscal.requireID(),
                                        organisationID: try fiscal.organisation.requireID(), year: fiscal.year)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PassageFingerprints.bands).delete()
        try await database.schema(PassageFingerprints.passages).delete()
    }
}
