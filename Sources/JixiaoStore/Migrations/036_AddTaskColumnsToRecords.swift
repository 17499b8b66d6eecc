import Fluent
import SQLKit

/// A work-plan task's due date, status and completion date as columns of `records` (``TaskColumns``), filled from
/// the stored tasks' definitions, with an index (by kind, then year) that answers the bureau's count of overdue tasks by itself.
struct AddTaskColumnsToRecords: AsyncMigration {
    static let index = "records_tasks"

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for column in TaskColumns.names {
            try await database.schema(RecordModel.schema).field(.string(column), .string).update()
        }
        let postgres = sql.dialect.name == "postgresql"
        for (column, field) in zip(TaskColumns.names, ["due", "status", "completed"]) {
            let value: SQLQueryString = postgres ? "definition::jsonb ->> \(literal: field)"
                : "json_extract(definition, \(literal: "$." + field))"
            try await sql.raw("UPDATE \(ident: RecordModel.schema) SET \(ident: column) = \(value) WHERE kind = 'task'").run()
        }
        // The kind first: an index led by the year would tie with the positions' index, which SQLite then prefers.
        try await (["kind", "year_id"] + TaskColumns.names)
            .reduce(sql.create(index: Self.index).on(RecordModel.schema)) { $0.column($1) }.run()
    }

    /// Drops the columns by SQL: Fluent's SQLite schema builder cannot drop one (SQLite can, since 3.35).
    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: Self.index).run()
        for column in TaskColumns.names {
            try await sql.raw("ALTER TABLE \(ident: RecordModel.schema) DROP COLUMN \(ident: column)").run()
        }
    }
}
