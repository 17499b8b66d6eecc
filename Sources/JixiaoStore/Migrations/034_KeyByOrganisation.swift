import Fluent
import SQLKit

/// The keys of a department's tables include its organisation (``Distribution``), so that a distributed PostgreSQL
/// can shard them by it: each primary key and unique key gets `organisation_id` as its last column (the indexes serve
/// lookups by id or by year as before), each foreign key between two of them gets it on both sides. Read from the
/// catalog, so every key is covered whichever migration made it; listed last, after every table exists.
///
/// SQLite keeps its keys (a SQLite file is never distributed) except the days' and months' totals, whose primary key
/// is what their upsert names: those two tables are made again with the organisation in it.
struct KeyByOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        if isSQLite(database) {
            for (table, period) in Self.totals { try await remake(table, period: period, keyed: true, on: database) }
        } else {
            try await rekey(on: database) { $0.contains(Distribution.column) ? nil : $0 + [Distribution.column] }
        }
    }

    func revert(on database: any Database) async throws {
        if isSQLite(database) {
            for (table, period) in Self.totals { try await remake(table, period: period, keyed: false, on: database) }
        } else {
            try await rekey(on: database) { $0.count > 1 && $0.last == Distribution.column ? $0.dropLast() : nil }
        }
    }

    /// The totals tables and their period columns.
    private static let totals = [(PaymentDays.schema, "date"), (PaymentDays.monthSchema, "month")]

    private func isSQLite(_ database: any Database) -> Bool {
        (database as! any SQLDatabase).dialect.name == "sqlite"
    }

    /// Makes again every key of the department's tables whose columns `change` gives new ones for (nil: left as is).
    /// Foreign keys between those tables are dropped first and made last, when the keys they point at are in place.
    private func rekey(on database: any Database, _ change: ([String]) -> [String]?) async throws {
        let sql = database as! any SQLDatabase
        let distributed = Set(Distribution.byOrganisation)
        var links: [(StoreCatalog.Key, columns: [String], target: String, targetColumns: [String], cascades: Bool)] = []
        var others: [(StoreCatalog.Key, columns: [String])] = []
        for key in try await StoreCatalog.keys(on: database) where distributed.contains(key.table) {
            guard let columns = change(key.columns) else { continue }
            if case .foreign(let target, let targetColumns, let cascades) = key.kind {
                guard distributed.contains(target), let changedTarget = change(targetColumns) else { continue }
                links.append((key, columns, target, changedTarget, cascades))
            } else {
                others.append((key, columns))
            }
        }
        func list(_ columns: [String]) -> SQLList { SQLList(columns.map { SQLIdentifier($0) }) }
        for (link, _, _, _, _) in links {
            try await sql.raw("ALTER TABLE \(ident: link.table) DROP CONSTRAINT \(ident: link.name)").run()
        }
        for (key, columns) in others {
            switch key.kind {
            case .primary, .unique:
                try await sql.raw("ALTER TABLE \(ident: key.table) DROP CONSTRAINT \(ident: key.name)").run()
                let kind: SQLQueryString = key.kind == .primary ? "PRIMARY KEY" : "UNIQUE"
                try await sql.raw("""
                    ALTER TABLE \(ident: key.table) ADD CONSTRAINT \(ident: key.name) \(kind) (\(list(columns)))
                    """).run()
            case .uniqueIndex:
                try await sql.raw("DROP INDEX \(ident: key.name)").run()
                try await sql.raw("CREATE UNIQUE INDEX \(ident: key.name) ON \(ident: key.table) (\(list(columns)))").run()
            case .foreign:
                continue
            }
        }
        for (link, columns, target, targetColumns, cascades) in links {
            try await sql.raw("""
                ALTER TABLE \(ident: link.table) ADD CONSTRAINT \(ident: link.name) FOREIGN KEY (\(list(columns)))
                REFERENCES \(ident: target) (\(list(targetColumns)))\(unsafeRaw: cascades ? " ON DELETE CASCADE" : "")
                """).run()
        }
    }

    /// Makes the totals table again with the organisation in its primary key (`keyed`) or without, its rows kept.
    private func remake(_ table: String, period: String, keyed: Bool, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let made = table + "_remade"
        let columns = ["year_id", "line_code", period, "amount_fen", "payments", Distribution.column]
        try await database.schema(made)
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("line_code", .string, .required)
            .field(.string(period), .string, .required)
            .field("amount_fen", .int64, .required)
            .field("payments", .int64, .required)
            .field(.definition(name: .key(.string(Distribution.column)), dataType: .uuid,
                               constraints: keyed ? [.required] : []))
            .constraint(.constraint(.compositeIdentifier((["year_id", "line_code", period]
                + (keyed ? [Distribution.column] : [])).map { .key(.string($0)) }), name: ""))
            .create()
        let list = SQLList(columns.map { SQLIdentifier($0) })
        try await sql.raw("INSERT INTO \(ident: made) (\(list)) SELECT \(list) FROM \(ident: table)").run()
        try await sql.raw("DROP TABLE \(ident: table)").run()
        try await sql.raw("ALTER TABLE \(ident: made) RENAME TO \(ident: table)").run()
    }
}
