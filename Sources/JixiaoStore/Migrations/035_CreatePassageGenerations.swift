import Fluent
import Foundation
import SQLKit

/// Each year's generation of the province's written text: a token replaced whenever a department's passages of the
/// year or a department's name change, so that a page works 文字雷同 out once per generation
/// (``PassageFingerprints/sharedKept(code:year:threshold:)``). Every year held gets its first generation; a year
/// stored later gets one with its first passages. Listed before the migration that fingerprints stored years.
struct CreatePassageGenerations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PassageFingerprints.generations)
            .field("year", .int, .identifier(auto: false))
            .field("generation", .string, .required)
            .create()
        try await (database as! any SQLDatabase).raw("""
            INSERT INTO \(ident: PassageFingerprints.generations) (year, generation)
            SELECT DISTINCT year, \(bind: UUID().uuidString) FROM \(ident: FiscalYearModel.schema)
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PassageFingerprints.generations).delete()
    }
}
