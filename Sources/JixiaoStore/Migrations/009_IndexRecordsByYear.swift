import Fluent
import SQLKit

/// Loading a year reads its records in order; a province holds millions of them, so they are found by index, not
/// by scanning the table.
struct IndexRecordsByYear: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).create(index: "records_year_kind_position")
            .on(RecordModel.schema).column("year_id").column("kind").column("position").run()
        try await (database as! any SQLDatabase).create(index: "budget_lines_year_position")
            .on(BudgetLineModel.schema).column("year_id").column("position").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "records_year_kind_position").run()
        try await (database as! any SQLDatabase).drop(index: "budget_lines_year_position").run()
    }
}
