import Fluent
import Foundation
import JixiaoCore
import JixiaoFuzzing
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import SQLKit
import Testing
import Vapor

/// Activities, procurements, work-plan tasks and assets in typed tables: stored and read back exactly, moved forward
/// from the JSON an older store kept, written by every change path, gone with their records.
extension DatabaseTests {
    @Suite struct RecordTablesTests {
        /// Rows of a typed table whose record is gone.
        private func orphans(_ app: Application) async throws -> Int {
            let sql = app.db as! any SQLDatabase
            var count = 0
            for table in RecordTables.all {
                count += Int(try await sql.select().column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n").from(table)
                    .where(SQLRaw("record_id NOT IN (SELECT id FROM \(RecordModel.schema))")).first()?
                    .decode(column: "n", as: Int64.self) ?? 0)
            }
            return count
        }

        private func rows(_ table: String, _ app: Application) async throws -> Int {
            Int(try await (app.db as! any SQLDatabase).select().column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "n")
                .from(table).first()?.decode(column: "n", as: Int64.self) ?? 0)
        }

        /// Bundles whose numbers sit at the edges of what the reader accepts come back from the tables equal.
        @Test func extremeValuesComeBackExactly() async throws {
            try await TestStore.withApp { app in
                let repository = YearRepository(database: app.db)
                var stored = 0
                for index in UInt64(0)..<60 {
                    guard var year = try? BundleReader().decode(ExtremeBundles.bundle(index), file: "case \(index)") else {
                        continue
                    }
                    year.department.code = "F\(index)"
                    try await repository.store(year, replacing: false, actor: "test")
                    let loaded = try await repository.load(code: year.department.code, year: year.year)
                    #expect(loaded == year, "case \(index)")
                    stored += 1
                }
                #expect(stored >= 20)
            }
        }

        /// An import's snapshot is made from the imported year, its payments folded as the store keeps them: exactly
        /// what reading the year back and evaluating it gives.
        @Test func anImportsSnapshotIsWhatReadingTheYearBackGives() async throws {
            try await TestStore.withApp { app in
                let repository = YearRepository(database: app.db)
                var years = [try BundleReader().read(Fixtures.seed)]
                for index in UInt64(0)..<30 {
                    guard var year = try? BundleReader().decode(ExtremeBundles.bundle(index), file: "case \(index)") else {
                        continue
                    }
                    year.department.code = "S\(index)"
                    years.append(year)
                }
                for year in years {
                    try await repository.store(year, replacing: false, actor: "test")
                    let organisation = try #require(try await repository.organisation(code: year.department.code))
                    let fiscal = try #require(try await repository.fiscalYear(organisationID: organisation.id, year: year.year))
                    func snapshot() async throws -> [String] {
                        let stored = try #require(try await EvaluationModel.query(on: app.db)
                            .filter(\.$fiscalYear.$id == fiscal.id).first())
                        return [stored.total, stored.grade, stored.rate ?? "", String(stored.findings), stored.unsupported,
                                stored.inputs, stored.result]
                    }
                    let read = try await repository.load(code: year.department.code, year: year.year, payments: .dailyTotals)
                    #expect(EvaluationSnapshots.asStored(year) == read, "\(year.department.code)")
                    let imported = try await snapshot()
                    try await EvaluationSnapshots.refresh(yearID: fiscal.id, on: app.db)
                    #expect(try await snapshot() == imported, "\(year.department.code)")
                }
            }
        }

        /// Whole-province work reads years in batches: each as a single read gives it; a code without the year is
        /// left out.
        @Test func aBatchReadsEachYearAsASingleReadDoes() async throws {
            try await TestStore.withApp { app in
                let repository = YearRepository(database: app.db)
                var codes: [String] = []
                for index in UInt64(0)..<12 {
                    guard var year = try? BundleReader().decode(ExtremeBundles.bundle(index), file: "case \(index)") else {
                        continue
                    }
                    year.department.code = "B\(index)"
                    try await repository.store(year, replacing: false, actor: "test")
                    codes.append(year.department.code)
                }
                let seed = try BundleReader().read(Fixtures.seed)
                try await repository.store(seed, replacing: false, actor: "test")
                codes.append(seed.department.code)
                let batch = try await repository.loadAll(codes: codes + ["nobody"], year: 2022)
                #expect(batch.count == codes.count)
                for code in codes {
                    let single = try await repository.load(code: code, year: 2022, payments: .dailyTotals)
                    #expect(try batch[code]?.get() == single, "\(code)")
                }
            }
        }

        /// A store whose records were bundle JSON moves forward: the tables get the same values under the same
        /// record ids and versions, and back again.
        @Test func theJSONOfAnOlderStoreMovesIntoTheTables() async throws {
            try await TestStore.withApp { app in
                let year = try BundleReader().read(Fixtures.seed)
                let repository = YearRepository(database: app.db)
                try await repository.store(year, replacing: false, actor: "test")
                let sql = app.db as! any SQLDatabase
                func records() async throws -> [String] {
                    try await sql.select().columns("id", "kind", "version").from(RecordModel.schema)
                        .orderBy("kind").orderBy("position").all().map { row in
                            "\(try row.decode(column: "id", as: UUID.self)) \(try row.decode(column: "kind", as: String.self)) "
                                + "\(try row.decode(column: "version", as: Int.self))"
                        }
                }
                let before = try await records()
                #expect(try await rows(RecordTables.activities, app) == year.activities.count)
                #expect(try await rows(RecordTables.tasks, app) == year.workPlan.count)
                try await app.db.transaction { database in
                    try await CreateRecordTables().revert(on: database)
                    let empty = try await (database as! any SQLDatabase).select().column("kind").from(RecordModel.schema)
                        .where("definition", .equal, SQLBind("")).all()
                    #expect(empty.isEmpty, "every record has its JSON again")
                    try await CreateRecordTables().prepare(on: database)
                }
                #expect(try await records() == before)
                #expect(try await rows(RecordTables.procurements, app) == year.procurements.count)
                #expect(try await repository.load(code: year.department.code, year: year.year) == year)
            }
        }

        /// Lists, tasks and assets change through the change path into the tables; replacing the year leaves no row
        /// behind.
        @Test func changesWriteTheTablesAndNothingIsLeftBehind() async throws {
            try await TestStore.withApp { app in
                var year = try BundleReader().read(Fixtures.seed)
                let repository = YearRepository(database: app.db)
                try await repository.store(year, replacing: false, actor: "test")
                let organisation = try #require(try await repository.organisation(code: year.department.code))
                let fiscal = try #require(try await repository.fiscalYear(organisationID: organisation.id, year: 2022))

                let activities = RecordListRepository.activities(app.db)
                let added = JSONValue.object(["date": .string("2022-12-01"), "title": .string("冬季科普讲座"),
                                              "kind": .string("讲座"), "audience": .number("123.5")])
                try await activities.change(.init(removing: [0], adding: [added]),
                                            expecting: try await activities.digest(yearID: fiscal.id),
                                            organisation: organisation, fiscal: fiscal, actor: "test")
                year.activities.removeFirst()
                year.activities.append(Activity(date: CivilDate(iso: "2022-12-01")!, title: "冬季科普讲座", kind: "讲座",
                                                quantities: ["audience": Rational(decimal: "123.5")!]))

                let task = year.workPlan[0]
                var changed = BundleWriter.task(task, unit: year.moneyUnit)
                changed = changed.setting("indicators", to: .array([]))
                    .setting("plannedPayments", to: .array([.object([
                        "line": .string(year.budgetLines[0].code), "month": .number("11"), "amount": .string("1.01")])]))
                    .setting("status", to: .string("inProgress")).setting("progress", to: .string("0.125"))
                    .removing("completed")
                let versions = try await WorkPlanRepository(database: app.db).versions(yearID: fiscal.id)
                try await WorkPlanRepository(database: app.db).update(
                    changed, id: task.id, version: try #require(versions[task.id]), organisation: organisation,
                    fiscal: fiscal, actor: "test")
                year.workPlan[0].indicators = []
                year.workPlan[0].plannedPayments = [.init(line: year.budgetLines[0].code, month: 11,
                                                          amount: Money(decimal: "1.01", unit: year.moneyUnit)!)]
                year.workPlan[0].status = .inProgress
                year.workPlan[0].progress = Rational(decimal: "0.125")!
                year.workPlan[0].completed = nil

                let assets = Assets(asOf: CivilDate(iso: "2022-12-31")!, current: Money(fen: 1), nonCurrent: Money(fen: 2))
                let current = try #require(try await repository.fiscalYear(organisationID: organisation.id, year: 2022))
                try await repository.updateAssets(BundleWriter.assets(assets, unit: year.moneyUnit),
                                                  organisation: organisation, fiscal: current, version: current.version,
                                                  actor: "test")
                year.assets = assets
                #expect(try await repository.load(code: year.department.code, year: 2022) == year)

                try await repository.store(year, replacing: true, actor: "test")
                #expect(try await orphans(app) == 0)
                #expect(try await rows(RecordTables.activities, app) == year.activities.count)
                #expect(try await repository.load(code: year.department.code, year: 2022) == year)
            }
        }
    }
}
