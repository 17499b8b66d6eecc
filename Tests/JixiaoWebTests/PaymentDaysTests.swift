import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import SQLKit
import Testing
import Vapor

extension DatabaseTests {
    /// The days' payment totals (`payment_days`) that evaluation, the overview and last year's profile read: after
    /// any sequence of payment changes they equal the payments summed afresh, and the snapshot evaluated from them
    /// equals an evaluation of every payment.
    @Suite struct PaymentDaysTests {
        static let code = "440112-KX"

        private func fiscal(_ app: Application) async throws -> StoredYear {
            let years = YearRepository(database: app.db)
            let organisation = try #require(try await years.organisation(code: Self.code))
            return try #require(try await years.fiscalYear(organisationID: organisation.id, year: 2022))
        }

        /// `line period amount count` of each day's and each month's total: as kept, and as summed from the payments
        /// now.
        private func totals(_ app: Application, yearID: UUID) async throws -> (kept: [String], summed: [String]) {
            let sql = app.db as! any SQLDatabase
            func read(_ select: SQLSelectBuilder) async throws -> [String] {
                try await select.all().map { row in
                    "\(try row.decode(column: "line_code", as: String.self)) \(try row.decode(column: "period", as: String.self)) "
                        + "\(try row.decode(column: "amount", as: Int64.self)) \(try row.decode(column: "count", as: Int64.self))"
                }
            }
            var kept: [String] = []
            var summed: [String] = []
            for (table, period) in [(PaymentDays.schema, "date"), (PaymentDays.monthSchema, "month")] {
                kept += try await read(sql.select().column("line_code").column(SQLIdentifier(period), as: "period")
                    .column("amount_fen", as: "amount").column("payments", as: "count").from(table)
                    .where("year_id", .equal, SQLBind(yearID)))
                let grouped = period == "date" ? SQLRaw("date") : SQLRaw("SUBSTR(date, 1, 7)")
                summed += try await read(sql.select().column("line_code").column(grouped, as: "period")
                    .column(SQLRaw("CAST(SUM(amount_fen) AS BIGINT)"), as: "amount")
                    .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "count")
                    .from(PaymentModel.schema).where("year_id", .equal, SQLBind(yearID))
                    .groupBy("line_code").groupBy(grouped))
            }
            return (kept.sorted(), summed.sorted())
        }

        /// The stored snapshot against an evaluation of the year with every payment.
        private func expectSnapshotOfEveryPayment(_ app: Application, yearID: UUID, step: Int) async throws {
            let year = try #require(try await YearRepository(database: app.db).load(code: Self.code, year: 2022,
                                                                                    payments: .each))
            let evaluation = Evaluator.evaluate(year)
            let fresh = EvaluationJSON.encode(year, evaluation, findings: FindingsEngine.findings(year, evaluation: evaluation))
            let stored = try await EvaluationModel.query(on: app.db).filter(\.$fiscalYear.$id == yearID).first()
            #expect(stored?.result == fresh.serialized(), "snapshot differs from every payment's after step \(step)")
        }

        @Test func randomEditsKeepTotalsAndSnapshotExact() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let fiscal = try await fiscal(app)
                let yearID = fiscal.id
                let lines = try await BudgetLineRepository(database: app.db).lines(of: fiscal).map(\.code)
                let payments = PaymentRepository(database: app.db)
                var random = SeededGenerator(seed: 20_221_231)
                // Few days and a handful of amounts, so that edits land on days that already hold payments.
                func payment() -> Payment {
                    Payment(line: lines.randomElement(using: &random)!,
                            date: CivilDate(year: 2022, month: Int.random(in: 11...12, using: &random),
                                            day: Int.random(in: 1...3, using: &random))!,
                            amount: Money(fen: Int64.random(in: -20_000...900_000, using: &random)), payee: "某公司")
                }
                for step in 1...40 {
                    let stored = try await payments.page(yearID: yearID, year: 2022, filter: .init(), page: 1, size: 10_000).rows
                    let target = stored.randomElement(using: &random)!
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0:
                        try await payments.create(payment(), yearID: yearID, subject: "t", actor: "t")
                    case 1:
                        try await payments.update(target.id, yearID: yearID, version: target.version,
                                                  to: payment(), subject: "t", actor: "t")
                    default:
                        try await payments.delete(target.id, yearID: yearID, version: target.version,
                                                  subject: "t", actor: "t")
                    }
                    let (kept, summed) = try await totals(app, yearID: yearID)
                    #expect(kept == summed, "days' totals differ from the payments after step \(step)")
                    if step % 5 == 0 { try await expectSnapshotOfEveryPayment(app, yearID: yearID, step: step) }
                }
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("days-\(UUID().uuidString).csv")
                defer { try? FileManager.default.removeItem(at: file) }
                try Data("日期,金额,项目编码\n2022-11-01,100,\(lines[0])\n2022-11-01,-30.5,\(lines[0])\n".utf8).write(to: file)
                for replacing in [false, true] {
                    _ = try await PaymentImport(database: app.db).importCSV(file, into: try await self.fiscal(app),
                                                                            replacing: replacing, subject: "t", actor: "t")
                    let (kept, summed) = try await totals(app, yearID: yearID)
                    #expect(kept == summed, "days' totals differ after a payment export (replacing: \(replacing))")
                }
                try await expectSnapshotOfEveryPayment(app, yearID: yearID, step: 41)
            }
        }

        /// A store made before the totals existed gets them from its payments.
        @Test func theMigrationSumsTheStoredPayments() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let yearID = try await fiscal(app).id
                let before = try await totals(app, yearID: yearID)
                // Back through the migrations made since, and forward again, on one connection (SQLite's connections
                // to one database in memory can miss a dropped column another made).
                try await app.db.transaction { database in
                    let since: [any AsyncMigration] = [CreatePaymentDays(), CreatePaymentMonths(),
                                                       AddOrganisationToYearData(), KeyByOrganisation()]
                    for migration in since.reversed() { try await migration.revert(on: database) }
                    for migration in since { try await migration.prepare(on: database) }
                }
                let after = try await totals(app, yearID: yearID)
                #expect(!after.kept.isEmpty)
                #expect(after.kept == after.summed)
                #expect(after.kept == before.kept)
            }
        }

        /// A day's or a month's total beyond the 64-bit column is refused on both databases, naming which, and nothing
        /// of the change stays.
        @Test func aDayTotalBeyondTheColumnIsRefused() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let yearID = try await fiscal(app).id
                let payments = PaymentRepository(database: app.db)
                let huge = Payment(line: "X01", date: CivilDate(year: 2022, month: 6, day: 1)!,
                                   amount: Money(fen: Int64.max / 3 * 2))
                try await payments.create(huge, yearID: yearID, subject: "t", actor: "t")
                let before = try await totals(app, yearID: yearID)
                let day = await #expect(throws: AmountBeyondColumn.self) {
                    try await payments.create(huge, yearID: yearID, subject: "t", actor: "t")
                }
                #expect(day?.amount == "某一预算项目某日支付合计")
                #expect(try await totals(app, yearID: yearID) == before)
                // Another day of the same month: that day's total fits, the month's does not.
                var nextDay = huge
                nextDay.date = CivilDate(year: 2022, month: 6, day: 2)!
                let month = await #expect(throws: AmountBeyondColumn.self) {
                    try await payments.create(nextDay, yearID: yearID, subject: "t", actor: "t")
                }
                #expect(month?.amount == "某一预算项目某月支付合计")
                #expect(try await totals(app, yearID: yearID) == before)
            }
        }
    }
}
