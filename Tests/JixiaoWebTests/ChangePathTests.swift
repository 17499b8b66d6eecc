import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import SQLKit
import JixiaoTestSupport
import Testing
import Vapor

extension DatabaseTests {
    /// Every change of a year goes through ``YearChange``: after each kind the stored evaluation equals a fresh one,
    /// and 64 writers at once on SQLite and PostgreSQL leave every accepted change stored once, every refused one a
    /// conflict, positions unique and the audit chain whole.
    @Suite struct ChangePathTests {
        static let code = "440112-KX"

        private func context(_ app: Application) async throws -> (StoredOrganisation, StoredYear) {
            let years = YearRepository(database: app.db)
            let organisation = try #require(try await years.organisation(code: Self.code))
            let fiscal = try #require(try await years.fiscalYear(organisationID: organisation.id, year: 2022))
            return (organisation, fiscal)
        }

        /// The stored snapshot is what evaluating the stored year now gives.
        private func expectFreshSnapshot(_ app: Application, after change: String) async throws {
            let (_, fiscal) = try await context(app)
            let year = try #require(try await YearRepository(database: app.db).load(code: Self.code, year: 2022))
            let evaluation = Evaluator.evaluate(year)
            let fresh = EvaluationJSON.encode(year, evaluation, findings: FindingsEngine.findings(year, evaluation: evaluation))
            let stored = try await EvaluationModel.query(on: app.db).filter(\.$fiscalYear.$id == fiscal.id).first()
            #expect(stored?.result == fresh.serialized(), "snapshot stale after \(change)")
        }

        @Test func everyKindOfChangeLeavesTheSnapshotFresh() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let (organisation, fiscal) = try await context(app)
                let yearID = fiscal.id
                let subject = "\(Self.code)/2022"
                let payments = PaymentRepository(database: app.db)
                let page = try await payments.page(yearID: yearID, year: 2022, filter: .init(), page: 1, size: 1)
                let first = try #require(page.rows.first)
                var changed = first.value
                changed.amount = Money(fen: 1)
                try await payments.update(first.id, yearID: yearID, version: first.version, to: changed,
                                          subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "a payment")

                let lines = BudgetLineRepository(database: app.db)
                let line = try #require(try await lines.lines(of: fiscal).first)
                try await lines.updatePlan(line.id, fiscal: fiscal, version: line.version,
                                           plan: [MonthlyAmount(month: 12, amount: Money(fen: 100))], subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "a plan")

                let tasks = WorkPlanRepository(database: app.db)
                let version = try #require(try await tasks.versions(yearID: yearID)["t1"])
                let stored = try #require(try await YearRepository(database: app.db).load(code: Self.code, year: 2022))
                var task = BundleWriter.task(stored.workPlan[0], unit: stored.moneyUnit)
                task = task.setting("status", to: .string("inProgress")).setting("progress", to: .string("0.5"))
                    .setting("completed", to: .null)
                try await tasks.update(task, id: "t1", version: version, organisation: organisation, fiscal: fiscal, actor: "t")
                try await expectFreshSnapshot(app, after: "a task")

                try await IndicatorProgressRepository(database: app.db).report(
                    .object(["asOf": .string("2022-09-30"), "actual": .string("1"), "likelihood": .string("certain")]),
                    indicator: "i1", organisation: organisation, fiscal: fiscal, actor: "t")
                try await expectFreshSnapshot(app, after: "indicator progress")

                let (_, refreshed) = try await context(app)
                try await YearRepository(database: app.db).updateNarrative([.problems: "目标不够具体。"], fiscal: refreshed,
                                                                           version: refreshed.version, subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "the narrative")

                let added = try await payments.create(changed, yearID: yearID, subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "a new payment")
                try await payments.delete(added, yearID: yearID, version: 1, subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "a removed payment")

                let newLine = BudgetLine(code: "Z9", name: "新增项目", kind: .project, initial: Money(fen: 500_000),
                                         adjusted: Money(fen: 500_000))
                try await lines.create(newLine, yearID: yearID, subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "a new line")
                let storedLine = try #require(try await lines.lines(of: fiscal).first { $0.code == "Z9" })
                var renamed = newLine
                renamed.adjusted = Money(fen: 900_000)
                try await lines.update(storedLine.id, yearID: yearID, version: storedLine.version, to: renamed,
                                       subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "a changed line")
                try await lines.delete(storedLine.id, yearID: yearID, version: storedLine.version + 1,
                                       subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "a removed line")

                var newTask = task.setting("id", to: .string("t99")).setting("title", to: .string("新增任务"))
                newTask = newTask.setting("plannedPayments", to: .array([]))
                try await tasks.add(newTask, organisation: organisation, fiscal: fiscal, actor: "t")
                try await expectFreshSnapshot(app, after: "a new task")
                try await tasks.delete(id: "t99", version: 1, organisation: organisation, fiscal: fiscal, actor: "t")
                try await expectFreshSnapshot(app, after: "a removed task")

                let file = FileManager.default.temporaryDirectory.appendingPathComponent("pay-\(UUID().uuidString).csv")
                defer { try? FileManager.default.removeItem(at: file) }
                try Data("日期,金额,项目编码\n2022-11-01,100,X01\n".utf8).write(to: file)
                _ = try await PaymentImport(database: app.db).importCSV(file, into: fiscal, replacing: false,
                                                                        subject: subject, actor: "t")
                try await expectFreshSnapshot(app, after: "a payment export")

                var replacement = stored
                replacement.goal = "替换后的目标"
                try await YearRepository(database: app.db).store(replacement, replacing: true, actor: "t")
                try await expectFreshSnapshot(app, after: "a replaced year")
                #expect(try await AuditLog.verify(on: app.db) > 15)
            }
        }

        /// A store written before positions were unique (racing writers gave payments one position) is renumbered
        /// in its stored order and kept unique from then on.
        @Test func duplicatePositionsFromBeforeAreRenumbered() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let (_, fiscal) = try await context(app)
                let yearID = fiscal.id
                try await UniquePositions().revert(on: app.db)
                let sql = app.db as! any SQLDatabase
                try await sql.raw("UPDATE payments SET position = 0 WHERE year_id = \(bind: yearID) AND position < 3").run()
                let ordered = try await PaymentModel.query(on: app.db).filter(\.$fiscalYear.$id == yearID)
                    .sort(\.$position).sort(\.$id).all().map(\.id)
                try await UniquePositions().prepare(on: app.db)
                let renumbered = try await PaymentModel.query(on: app.db).filter(\.$fiscalYear.$id == yearID)
                    .sort(\.$position).all()
                #expect(renumbered.map(\.id) == ordered)
                #expect(renumbered.map(\.position) == Array(0..<renumbered.count))
                await #expect(throws: (any Error).self) {
                    try await sql.raw("UPDATE payments SET position = 0 WHERE year_id = \(bind: yearID)").run()
                }
            }
        }

        @Test func sixtyFourWritersAtOnce() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let (_, fiscal) = try await context(app)
                let yearID = fiscal.id
                let subject = "\(Self.code)/2022"
                let repository = PaymentRepository(database: app.db)
                let before = try await PaymentModel.query(on: app.db).filter(\.$fiscalYear.$id == yearID).count()
                let auditBefore = try await AuditLog.verify(on: app.db)
                let target = try #require(try await repository.page(yearID: yearID, year: 2022, filter: .init(),
                                                                     page: 1, size: 1).rows.first)
                let targetID = target.id
                let original = target.value

                enum Result: Sendable { case stored, conflict, failed(String) }
                // 32 writers change the same payment at the same version; 32 add payments.
                let results = await withTaskGroup(of: (Bool, Result).self) { group in
                    for writer in 0..<64 {
                        group.addTask {
                            // Each writer on the next event loop's connection, as concurrent requests are.
                            let repository = PaymentRepository(database: app.db)
                            var payment = original
                            payment.amount = Money(fen: 10_000 + writer)
                            payment.voucher = "并发-\(writer)"
                            do {
                                if writer < 32 {
                                    try await repository.update(targetID, yearID: yearID, version: target.version,
                                                                to: payment, subject: subject, actor: AuditActor(name: "writer\(writer)", role: "", source: "test"))
                                } else {
                                    try await repository.create(payment, yearID: yearID, subject: subject,
                                                                actor: AuditActor(name: "writer\(writer)", role: "", source: "test"))
                                }
                                return (writer < 32, .stored)
                            } catch is PaymentRepository.Conflict {
                                return (writer < 32, .conflict)
                            } catch {
                                return (writer < 32, .failed(String(reflecting: error)))
                            }
                        }
                    }
                    var collected: [(Bool, Result)] = []
                    for await result in group { collected.append(result) }
                    return collected
                }
                let failures = results.compactMap { if case .failed(let text) = $0.1 { text } else { nil } }
                #expect(failures.isEmpty, "\(failures.prefix(3))")
                let updates = results.filter(\.0)
                #expect(updates.filter { if case .stored = $0.1 { true } else { false } }.count == 1)
                #expect(updates.filter { if case .conflict = $0.1 { true } else { false } }.count == 31)
                #expect(results.filter { !$0.0 }.allSatisfy { if case .stored = $0.1 { true } else { false } })

                let rows = try await PaymentModel.query(on: app.db).filter(\.$fiscalYear.$id == yearID).all()
                #expect(rows.count == before + 32)
                #expect(Set(rows.map(\.position)).count == rows.count, "payment positions are unique")
                #expect(rows.filter { $0.voucher.hasPrefix("并发-") }.count == 33)
                #expect(try await AuditLog.verify(on: app.db) == auditBefore + 33)
                try await expectFreshSnapshot(app, after: "64 writers")
            }
        }
    }
}
