import Fluent
import SQLKit

/// The department (`organisation_id`) on every row of a year's data that was keyed by the year alone — lines,
/// payments, records, snapshots, days' and months' totals — filled from the rows' fiscal years: the column a
/// distributed store shards them by (``Distribution``). Listed before the migrations that write snapshots through the
/// models, which set it.
struct AddOrganisationToYearData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in Distribution.keyedByYear {
            try await database.schema(table).field(.string(Distribution.column), .uuid).update()
            try await sql.raw("""
                UPDATE \(ident: table) SET organisation_id = f.organisation_id FROM \(ident: FiscalYearModel.schema) AS f
                WHERE f.id = \(ident: table).year_id
                """).run()
            // SQLite adds only a column that may be empty; a SQLite file is never distributed. No key of its own to
            // the organisations: the year's key (made with the organisation by ``KeyByOrganisation``) holds it, and
            // one more key checked on every payment COPY loads made PostgreSQL's load of 10⁶ rows 1.6× as long.
            if sql.dialect.name != "sqlite" {
                try await sql.raw("ALTER TABLE \(ident: table) ALTER COLUMN organisation_id SET NOT NULL").run()
            }
        }
    }

    /// Drops the columns by SQL: Fluent's SQLite schema builder cannot drop one (SQLite can, since 3.35).
    func revert(on database: any Database) async throws {
        for table in Distribution.keyedByYear {
            try await (database as! any SQLDatabase).raw("ALTER TABLE \(ident: table) DROP COLUMN organisation_id").run()
        }
    }
}
