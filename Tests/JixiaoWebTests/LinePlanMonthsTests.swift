import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import SQLKit
import Testing
import Vapor

/// The lines' monthly plans as rows: kept equal to the plans by every writer, gone with their line, made from the
/// plans of a store that had none, and what the bureau's overview sums.
extension DatabaseTests {
    @Suite struct LinePlanMonthsTests {
        /// Every stored month: line id → month → fen.
        private func stored(_ database: any Database) async throws -> [UUID: [Int: Int64]] {
            try await (database as! any SQLDatabase).select().columns("line_id", "month", "amount_fen")
                .from(LinePlanMonths.schema).all()
                .reduce(into: [:]) { result, row in
                    result[try row.decode(column: "line_id", as: UUID.self), default: [:]][
                        try row.decode(column: "month", as: Int.self)] = try row.decode(column: "amount_fen", as: Int64.self)
                }
        }

        /// Every line's plan as the year reads it (its `plan` column), for the years given.
        private func plans(_ years: [StoredYear], _ app: Application) async throws -> [UUID: [Int: Int64]] {
            var plans: [UUID: [Int: Int64]] = [:]
            for year in years {
                for line in try await BudgetLineRepository(database: app.db).lines(of: year) where !line.plan.isEmpty {
                    plans[line.id] = Dictionary(uniqueKeysWithValues: try line.plan.map { ($0.month, try $0.amount.column()) })
                }
            }
            return plans
        }

        private func years(_ app: Application) async throws -> [StoredYear] {
            let repository = YearRepository(database: app.db)
            return [try #require(try await repository.fiscalYear(code: "440112-KX", year: 2022)),
                    try #require(try await repository.fiscalYear(code: "420000-WJ-DEMO", year: 2023))]
        }

        /// The overview's due by plan for each department on `date`, against the same sum over the years read back.
        private func expectOverviewDue(on date: CivilDate, _ app: Application) async throws {
            let rows = try await MonitoringOverview(database: app.db).rows(year: date.year, asOf: date)
            for row in rows {
                let year = try #require(try await YearRepository(database: app.db).load(code: row.code, year: date.year))
                let planned = year.budgetLines.filter { !$0.plan.isEmpty }
                let due = planned.flatMap(\.plan).filter { Monitor.isDue($0.month, on: date) }.map(\.amount).sum()
                #expect(row.planned == (planned.isEmpty ? nil : due), "\(row.code) on \(date)")
                #expect(row.plannedLines == planned.count && row.plannedBudget == planned.map(\.adjusted).sum())
            }
        }

        @Test func everyWriterOfAPlanKeepsItsMonths() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let years = try await years(app)
                #expect(try await stored(app.db) == (try await plans(years, app)))
                #expect(!(try await stored(app.db)).isEmpty)

                // A plan changed, one emptied, and a new line given a plan and then removed.
                let lines = BudgetLineRepository(database: app.db)
                let seedLines = try await lines.lines(of: years[0])
                let changed = try #require(seedLines.first { !$0.plan.isEmpty })
                try await lines.updatePlan(changed.id, fiscal: years[0], version: changed.version,
                                           plan: [.init(month: 1, amount: Money(fen: 1)),
                                                  .init(month: 12, amount: Money(fen: 99_999_999_999))],
                                           subject: "t", actor: "t")
                let emptied = try #require(seedLines.last { !$0.plan.isEmpty && $0.id != changed.id })
                try await lines.updatePlan(emptied.id, fiscal: years[0], version: emptied.version, plan: [],
                                           subject: "t", actor: "t")
                try await lines.create(BudgetLine(code: "X99", name: "临时项目", kind: .project, initial: .zero,
                                                  adjusted: Money(fen: 100)), yearID: years[0].id, subject: "t", actor: "t")
                let added = try #require(try await lines.lines(of: years[0]).first { $0.code == "X99" })
                try await lines.updatePlan(added.id, fiscal: years[0], version: added.version,
                                           plan: [.init(month: 6, amount: Money(fen: 100))], subject: "t", actor: "t")
                #expect(try await stored(app.db)[added.id] == [6: 100])
                #expect(try await stored(app.db) == (try await plans(years, app)))
                try await expectOverviewDue(on: CivilDate(year: 2022, month: 6, day: 30)!, app)
                try await expectOverviewDue(on: CivilDate(year: 2022, month: 6, day: 29)!, app)
                try await expectOverviewDue(on: CivilDate(year: 2022, month: 12, day: 31)!, app)
                try await expectOverviewDue(on: CivilDate(year: 2022, month: 1, day: 15)!, app)

                try await lines.delete(added.id, yearID: years[0].id, version: added.version + 1, subject: "t", actor: "t")
                #expect(try await stored(app.db)[added.id] == nil)
                // The whole year replaced: its lines are new rows, and the old lines' months are gone with them.
                try await YearRepository(database: app.db).store(try BundleReader().read(Fixtures.seed), replacing: true,
                                                                 actor: "t")
                #expect(try await stored(app.db) == (try await plans(try await self.years(app), app)))
            }
        }

        /// A store made before the plans had rows gets them from its lines' plans.
        @Test func aStoreWithoutPlanRowsGetsThemFromThePlans() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let before = try await stored(app.db)
                try await app.db.transaction { database in
                    try await CreateLinePlanMonths().revert(on: database)
                    try await CreateLinePlanMonths().prepare(on: database)
                }
                #expect(try await stored(app.db) == before)
                #expect(before == (try await plans(try await years(app), app)))
            }
        }
    }
}
