import Fluent
import FluentPostgresDriver
import Foundation
import JixiaoCore
import SQLKit

/// Each budget line's payments of each day and of each month, summed and counted (`payment_days`,
/// `payment_months`): kept in step with the payments inside the transaction of every change that writes them, so
/// that evaluating a year reads at most lines × days rows instead of every payment, and the bureau's overview and
/// last year's profile at most lines × 12. A change of one payment costs a few rows here.
enum PaymentDays {
    static let schema = "payment_days"
    static let monthSchema = "payment_months"

    /// Rows to a statement when totals are added.
    static let batchSize = 500

    /// Payments summed by line and day in memory, to be added to the store's totals in one pass: at most lines ×
    /// days entries however many payments go in.
    struct Tally: Sendable {
        private struct Day: Hashable {
            let line: String
            let date: CivilDate
        }

        private var days: [Day: (amount: Money, count: Int)] = [:]
        /// Whether a payment was taken away, so that a total may have come to no payment.
        private var subtracts = false

        mutating func add(_ payment: Payment) { count(payment, sign: 1) }

        mutating func add(_ payments: [Payment]) {
            for payment in payments { add(payment) }
        }

        /// Takes a payment away (one removed, or the old side of one changed).
        mutating func subtract(_ payment: Payment) {
            count(payment, sign: -1)
            subtracts = true
        }

        private mutating func count(_ payment: Payment, sign: Int) {
            let day = Day(line: payment.line, date: payment.date)
            let sum = days[day] ?? (.zero, 0)
            days[day] = (sign > 0 ? sum.amount + payment.amount : sum.amount - payment.amount,
                         sum.count + sign * payment.count)
        }

        /// The tally as a year's days' totals read back from the store (``totals(yearID:on:)``): by date, then by
        /// line code as SQL orders text (by its bytes); a total that comes to no payment left out.
        var payments: [Payment] {
            days.filter { $0.value.count != 0 }
                .sorted { first, second in
                    first.key.date != second.key.date ? first.key.date < second.key.date
                        : first.key.line.utf8.lexicographicallyPrecedes(second.key.line.utf8)
                }
                .map { Payment.dailyTotal(line: $0.key.line, date: $0.key.date, amount: $0.value.amount,
                                          count: $0.value.count) }
        }

        /// Adds the tally to the days' and months' totals of year `yearID` of organisation `organisationID` in one
        /// statement per 500 rows; a total that comes to no payment is deleted. A total beyond the 64-bit column is
        /// refused (``AmountBeyondColumn``).
        func write(yearID: UUID, organisationID: UUID, on database: any Database) async throws {
            struct Month: Hashable {
                let line: String
                /// `YYYY-MM`.
                let month: String
            }
            var months: [Month: (amount: Money, count: Int)] = [:]
            for (day, sum) in days {
                let month = Month(line: day.line, month: String(day.date.description.prefix(7)))
                let known = months[month] ?? (.zero, 0)
                months[month] = (known.amount + sum.amount, known.count + sum.count)
            }
            try await Self.add(days.map { ($0.key.line, $0.key.date.description, $0.value) }, to: schema, by: "date",
                               named: "日", year: (yearID, organisationID), removingEmpty: subtracts, on: database)
            try await Self.add(months.map { ($0.key.line, $0.key.month, $0.value) }, to: monthSchema, by: "month",
                               named: "月", year: (yearID, organisationID), removingEmpty: subtracts, on: database)
        }

        /// Adds `entries` (line, period, sum) to the totals of `table`, whose period column is `period` (a 日 or a
        /// 月, as a refusal names it).
        private static func add(_ entries: [(String, String, (amount: Money, count: Int))], to table: String,
                                by period: String, named unit: String, year: (id: UUID, organisation: UUID),
                                removingEmpty: Bool, on database: any Database) async throws {
            let beyond = AmountBeyondColumn(amount: "某一预算项目某\(unit)支付合计")
            let sql = database as! any SQLDatabase
            for start in stride(from: 0, to: entries.count, by: batchSize) {
                var insert = sql.insert(into: table)
                    .columns("year_id", "line_code", period, "amount_fen", "payments", Distribution.column)
                for (line, when, sum) in entries[start..<min(entries.count, start + batchSize)] {
                    insert = insert.values(SQLBind(year.id), SQLBind(line), SQLBind(when), SQLBind(try sum.amount.column()),
                                           SQLBind(Int64(sum.count)), SQLBind(year.organisation))
                }
                let totals: [any SQLRow]
                do {
                    totals = try await insert.onConflict(with: ["year_id", "line_code", period, Distribution.column]) {
                        $0.set("amount_fen", to: SQLRaw("\(table).amount_fen + excluded.amount_fen"))
                            .set("payments", to: SQLRaw("\(table).payments + excluded.payments"))
                    }.returning("amount_fen").all()
                } catch let error as PSQLError where error.serverInfo?[.sqlState] == "22003" {
                    throw beyond
                }
                // SQLite turns an integer sum beyond 64 bits into a real number, which does not read as Int64.
                for total in totals where (try? total.decode(column: "amount_fen", as: Int64.self)) == nil {
                    throw beyond
                }
            }
            if removingEmpty {
                try await sql.delete(from: table).where("year_id", .equal, SQLBind(year.id))
                    .where("payments", .equal, SQLBind(0)).run()
            }
        }
    }

    /// Moves the days' totals of year `yearID` of organisation `organisationID` from the payments `removing` to
    /// `adding` (a payment created, changed or removed) in one write.
    static func change(removing: [Payment] = [], adding: [Payment] = [], yearID: UUID, organisationID: UUID,
                       on database: any Database) async throws {
        var tally = Tally()
        for payment in removing { tally.subtract(payment) }
        tally.add(adding)
        try await tally.write(yearID: yearID, organisationID: organisationID, on: database)
    }

    /// Removes every total of the year (its payments are being removed).
    static func removeAll(yearID: UUID, on database: any Database) async throws {
        for table in [schema, monthSchema] {
            try await (database as! any SQLDatabase).delete(from: table).where("year_id", .equal, SQLBind(yearID)).run()
        }
    }

    /// The year's totals as payments (``Payment/dailyTotal(line:date:amount:count:)``), by date then line.
    static func totals(yearID: UUID, on database: any Database) async throws -> [Payment] {
        try await totals(yearIDs: [yearID], on: database)[yearID] ?? []
    }

    /// Each year's totals as payments, by date then line.
    static func totals(yearIDs: [UUID], on database: any Database) async throws -> [UUID: [Payment]] {
        try await (database as! any SQLDatabase).select()
            .columns("year_id", "line_code", "date", "amount_fen", "payments").from(schema)
            .where("year_id", .in, SQLBind.group(yearIDs))
            .orderBy("date").orderBy("line_code")
            .all().reduce(into: [:]) { result, row in
                guard let date = CivilDate(iso: try row.decode(column: "date", as: String.self)) else { return }
                result[try row.decode(column: "year_id", as: UUID.self), default: []].append(Payment.dailyTotal(
                    line: try row.decode(column: "line_code", as: String.self), date: date,
                    amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                    count: Int(try row.decode(column: "payments", as: Int64.self))))
            }
    }
}
