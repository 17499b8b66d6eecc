import Fluent
import SQLKit

/// The fiscal years by year: the bureau's lists join a year's tables to the fiscal years of one year, and with this
/// index SQLite starts from those years and finds their rows by key, instead of reading every row of the table and
/// looking its fiscal year up (the overview's aggregate queries at 10⁴ departments: 0.19 s → 0.13 s).
struct IndexFiscalYearsByYear: AsyncMigration {
    static let index = "fiscal_years_by_year"

    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).create(index: Self.index).on(FiscalYearModel.schema)
            .column("year").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: Self.index).run()
    }
}
