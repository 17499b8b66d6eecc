import Fluent
import SQLKit

/// The keys a PostgreSQL store's tables have, read from its catalog: what ``KeyByOrganisation`` changes and what the
/// schema's test holds to the rules of ``Distribution``.
enum StoreCatalog {
    /// A primary key, a unique constraint or index, or a foreign key of one table.
    struct Key: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            case primary
            /// A unique constraint.
            case unique
            /// A unique index that backs no constraint (made by `CREATE UNIQUE INDEX`).
            case uniqueIndex
            /// A foreign key to `table`'s `columns`; `cascades` when deleting the row it points at deletes this one.
            case foreign(table: String, columns: [String], cascades: Bool)
        }

        var table: String
        var name: String
        var kind: Kind
        /// The key's columns, in order.
        var columns: [String]
    }

    /// Every key of the current schema's tables, by table then name.
    static func keys(on database: any Database) async throws -> [Key] {
        let sql = database as! any SQLDatabase
        let constraints = try await sql.raw("""
            SELECT c.conname AS name, c.contype AS kind, t.relname AS "table", COALESCE(r.relname, '') AS referenced,
                   c.confdeltype = 'c' AS cascades,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(number, place)
                       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.number ORDER BY k.place), ',')
                       AS columns,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(number, place)
                       JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.number ORDER BY k.place), ',')
                       AS referenced_columns
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid LEFT JOIN pg_class r ON r.oid = c.confrelid
            WHERE c.connamespace = current_schema()::regnamespace AND c.contype IN ('p', 'u', 'f')
            ORDER BY t.relname, c.conname
            """).all().map { row -> Key in
            let kind: Key.Kind = switch try row.decode(column: "kind", as: String.self) {
            case "p": .primary
            case "u": .unique
            default: .foreign(table: try row.decode(column: "referenced", as: String.self),
                              columns: list(try row.decode(column: "referenced_columns", as: String.self)),
                              cascades: try row.decode(column: "cascades", as: Bool.self))
            }
            return Key(table: try row.decode(column: "table", as: String.self),
                       name: try row.decode(column: "name", as: String.self), kind: kind,
                       columns: list(try row.decode(column: "columns", as: String.self)))
        }
        let indexes = try await sql.raw("""
            SELECT x.relname AS name, t.relname AS "table",
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY AS k(number, place)
                       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.number ORDER BY k.place), ',')
                       AS columns
            FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relnamespace = current_schema()::regnamespace AND i.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY t.relname, x.relname
            """).all().map { row in
            Key(table: try row.decode(column: "table", as: String.self),
                name: try row.decode(column: "name", as: String.self), kind: .uniqueIndex,
                columns: list(try row.decode(column: "columns", as: String.self)))
        }
        return constraints + indexes
    }

    /// The current schema's tables.
    static func tables(on database: any Database) async throws -> [String] {
        try await (database as! any SQLDatabase).raw("""
            SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename
            """).all().map { try $0.decode(column: "tablename", as: String.self) }
    }

    /// The current schema's columns that may hold no value, as `table.column`.
    static func nullableColumns(on database: any Database) async throws -> Set<String> {
        Set(try await (database as! any SQLDatabase).raw("""
            SELECT table_name || '.' || column_name AS name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_nullable = 'YES'
            """).all().map { try $0.decode(column: "name", as: String.self) })
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }
}
