import Fluent
import SQLKit

/// Positions are unique within a year. Writers that raced before ``YearChange`` could give two payments (or
/// records) one position, so paging showed some twice and others never: duplicates are renumbered first, in their
/// stored order (position, then id), and unique indexes then keep it so.
struct UniquePositions: AsyncMigration {
    /// The tables with positions and the columns a position is unique within.
    static let tables: [(table: String, scope: [String], index: String)] = [
        (PaymentModel.schema, ["year_id"], "payments_year_position_unique"),
        (RecordModel.schema, ["year_id", "kind"], "records_year_kind_position_unique"),
        (BudgetLineModel.schema, ["year_id"], "budget_lines_year_position_unique"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (table, scope, index) in Self.tables {
            let partition = scope.joined(separator: ", ")
            try await sql.raw("""
                UPDATE \(ident: table) AS target SET position = renumbered.position
                FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY \(unsafeRaw: partition) ORDER BY position, id) - 1
                      AS position FROM \(ident: table)) AS renumbered
                WHERE target.id = renumbered.id AND target.position <> renumbered.position
                """).run()
            var create = sql.create(index: index).on(table).unique()
            for column in scope + ["position"] { create = create.column(column) }
            try await create.run()
        }
    }

    func revert(on database: any Database) async throws {
        for (_, _, index) in Self.tables {
            try await (database as! any SQLDatabase).drop(index: index).run()
        }
    }
}
