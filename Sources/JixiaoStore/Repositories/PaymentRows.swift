import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import JixiaoCore
import NIOCore
import SQLKit

/// Payments into the store at the database's own speed, a batch at a time (memory stays that of one batch whatever
/// the file's size): PostgreSQL's `COPY … FROM STDIN` on the transaction's connection, on SQLite one insert a batch
/// that reads the batch from one JSON text. The caller's transaction keeps it all-or-nothing.
enum PaymentRows {
    /// The payment columns, in the order both paths write them.
    static let columns = ["id", "year_id", "position", "line_code", "date", "amount_fen", "payee", "voucher", "memo",
                          "version", Distribution.column]

    /// Inserts every batch `next` gives (nil at the end) as the payments of year `yearID` of organisation
    /// `organisationID` from position `start` on; returns their days' totals for ``PaymentDays``.
    static func insert(yearID: UUID, organisationID: UUID, startingAt start: Int, on database: any Database,
                       batches next: () throws -> [Payment]?) async throws -> PaymentDays.Tally {
        var tally = PaymentDays.Tally()
        var position = start
        var ids = TimeOrderedIDs()
        if let postgres = database as? any PostgresDatabase {
            // Inside the caller's transaction the connection is the transaction's own until it ends.
            let connection = try await postgres.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
            try await connection.copyFrom(table: PaymentModel.schema, columns: columns, logger: database.logger) { writer in
                // Each batch is sent while the next is read: the server's inserting and the reading overlap.
                var batch = try next()
                while let current = batch {
                    var buffer = ByteBufferAllocator().buffer(capacity: current.count * 160)
                    for payment in current {
                        buffer.writeString(try copyLine(payment, id: ids.next(), yearID: yearID, organisationID: organisationID,
                                                        position: position))
                        position += 1
                    }
                    tally.add(current)
                    async let written: Void = writer.write(buffer)
                    batch = try next()
                    try await written
                }
            }
            return tally
        }
        // One statement a batch, written once: the batch goes in as one JSON text that SQLite's own `jsonb_each` walks
        // (its rows as JSONB, read without parsing again), so nothing is prepared or bound per row — a multi-row
        // insert's thousands of placeholders cost more to prepare and bind than SQLite's inserting them. Each batch is
        // written while the next is read, so the reading and SQLite's work share the processors.
        let sqlite = database as! any SQLiteDatabase
        let year = SQLiteData.text(yearID.uuidString)
        let organisation = SQLiteData.text(organisationID.uuidString)
        var batch = try next()
        while let current = batch {
            var rows = BatchJSON(capacity: current.count)
            for payment in current {
                try rows.append(payment, id: ids.next(), position: position)
                position += 1
            }
            tally.add(current)
            async let written = sqlite.query(sqliteInsert, [year, organisation, .text(rows.finished)])
            batch = try next()
            _ = try await written
        }
        return tally
    }

    /// The insert of one batch: `?1` the year, `?2` the organisation, `?3` the batch as ``BatchJSON`` writes it.
    private static let sqliteInsert = "INSERT INTO \"\(PaymentModel.schema)\" ("
        + columns.map { "\"\($0)\"" }.joined(separator: ", ")
        + ") SELECT value ->> 0, ?1, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, "
        + "value ->> 7, 1, ?2 FROM jsonb_each(?3)"

    /// A batch of payments as one JSON array of rows `[id, position, line, date, fen, payee, voucher, memo]` — the
    /// order ``sqliteInsert`` reads them in.
    struct BatchJSON {
        private var text = "["
        private var empty = true

        init(capacity: Int) { text.reserveCapacity(capacity * 160) }

        mutating func append(_ payment: Payment, id: UUID, position: Int) throws {
            if !empty { text += "," }
            empty = false
            text += "[\"\(id.uuidString)\",\(position),"
            string(payment.line)
            text += ",\"\(payment.date.description)\",\(try payment.amount.column()),"
            string(payment.payee)
            text += ","
            string(payment.voucher)
            text += ","
            string(payment.memo)
            text += "]"
        }

        /// A JSON string: quotes, backslashes and control characters escaped.
        private mutating func string(_ value: String) {
            text += "\""
            if value.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
                for scalar in value.unicodeScalars {
                    switch scalar {
                    case "\"": text += "\\\""
                    case "\\": text += "\\\\"
                    case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
                    default: text.unicodeScalars.append(scalar)
                    }
                }
            } else {
                text += value
            }
            text += "\""
        }

        /// The array, closed.
        var finished: String { text + "]" }
    }

    /// Inserts `payments` as the year's from position `start` on and adds them to the days' totals.
    static func insert(_ payments: [Payment], yearID: UUID, organisationID: UUID, startingAt start: Int = 0,
                       on database: any Database) async throws {
        var pending: [Payment]? = payments
        let tally = try await insert(yearID: yearID, organisationID: organisationID, startingAt: start, on: database) {
            defer { pending = nil }
            return pending
        }
        try await tally.write(yearID: yearID, organisationID: organisationID, on: database)
    }

    /// One payment as a line of COPY's text format: tab-separated, backslash, tab and line breaks escaped.
    static func copyLine(_ payment: Payment, id: UUID, yearID: UUID, organisationID: UUID, position: Int) throws
        -> String {
        func text(_ value: String) -> String {
            guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return value }
            var escaped = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": escaped.append(contentsOf: #"\\"#.unicodeScalars)
                case "\t": escaped.append(contentsOf: #"\t"#.unicodeScalars)
                case "\n": escaped.append(contentsOf: #"\n"#.unicodeScalars)
                case "\r": escaped.append(contentsOf: #"\r"#.unicodeScalars)
                default: escaped.append(scalar)
                }
            }
            return String(escaped)
        }
        return [id.uuidString, yearID.uuidString, String(position), text(payment.line), payment.date.description,
                String(try payment.amount.column()), text(payment.payee), text(payment.voucher), text(payment.memo), "1",
                organisationID.uuidString]
            .joined(separator: "\t") + "\n"
    }

    /// Every payment of each of the years, in their order.
    static func all(yearIDs: [UUID], on database: any Database) async throws -> [UUID: [Payment]] {
        try await (database as! any SQLDatabase).select()
            .columns("id", "year_id", "line_code", "date", "amount_fen", "payee", "voucher", "memo")
            .from(PaymentModel.schema).where("year_id", .in, SQLBind.group(yearIDs)).orderBy("position").all()
            .reduce(into: [:]) { result, row in
                guard let date = CivilDate(iso: try row.decode(column: "date", as: String.self)) else {
                    throw RecordTables.Unreadable(table: PaymentModel.schema, id: try row.decode(column: "id", as: UUID.self))
                }
                result[try row.decode(column: "year_id", as: UUID.self), default: []].append(Payment(
                    line: try row.decode(column: "line_code", as: String.self), date: date,
                    amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                    payee: try row.decode(column: "payee", as: String.self),
                    voucher: try row.decode(column: "voucher", as: String.self),
                    memo: try row.decode(column: "memo", as: String.self)))
            }
    }
}
