import Fluent
import SQLKit

/// Each fiscal year's revision: a token every change to the year replaces (``YearChange``), so that a year read once
/// can be kept in memory and used again for as long as its revision is the stored one (``YearCache``). Empty for
/// years stored before; their first change sets it.
struct AddRevisionToFiscalYears: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FiscalYearModel.schema)
            .field("revision", .string, .required, .sql(.default(""))).update()
    }

    /// Drops the column by SQL: Fluent's SQLite schema builder cannot drop one (SQLite can, since 3.35).
    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE \(ident: FiscalYearModel.schema) DROP COLUMN revision").run()
    }
}
