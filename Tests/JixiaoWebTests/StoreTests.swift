import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import SQLKit
import Testing
import Vapor

/// The store on SQLite (or PostgreSQL when DATABASE_URL is set): years in and out, atomic imports, the audit chain.
extension DatabaseTests {
@Suite struct StoreTests {
    @Test("a stored year loads back equal", arguments: Fixtures.examples)
    func roundTrip(name: String) async throws {
        try await TestStore.withApp { app in
            let year = try BundleReader().read(Fixtures.example(name))
            let repository = YearRepository(database: app.db)
            try await repository.store(year, replacing: false, actor: "test")
            #expect(try await repository.load(code: year.department.code, year: year.year) == year)
        }
    }

    /// The bureau overview counts overdue tasks in SQL; on every date it agrees with the engine's work-plan states.
    @Test("the overview's overdue count is the engine's", arguments: [
        "2022-06-30", "2022-07-01", "2022-08-26", "2022-11-30", "2022-12-01", "2022-12-20", "2022-12-31",
    ])
    func overdueTasksInSQL(date: String) async throws {
        try await TestStore.withApp { app in
            let year = try BundleReader().read(Fixtures.seed)
            try await YearRepository(database: app.db).store(year, replacing: false, actor: "test")
            let asOf = try #require(CivilDate(iso: date))
            func expectTheEngines(_ year: DepartmentYear) async throws {
                let rows = try await MonitoringOverview(database: app.db).rows(year: 2022, asOf: asOf)
                let engine = WorkPlanProgress.on(year, asOf: asOf).tasks.filter { $0.state == .overdue }.count
                #expect(rows.count == 1 && rows[0].tasks == 10 && rows[0].overdueTasks == engine)
                #expect(rows[0].executed == Monitor.report(year, asOf: asOf).total.executed)
            }
            try await expectTheEngines(year)
            // The tasks' columns filled from the definitions of a store made before them, and the tasks' table from
            // those (on one connection: SQLite's connections to one database in memory can miss a dropped column
            // another made).
            try await app.db.transaction { database in
                try await CreateRecordTables().revert(on: database)
                try await AddTaskColumnsToRecords().revert(on: database)
                try await AddTaskColumnsToRecords().prepare(on: database)
                try await CreateRecordTables().prepare(on: database)
            }
            try await expectTheEngines(year)
            // Every task marked done on its due date through the change path: none is overdue.
            let repository = YearRepository(database: app.db)
            let organisation = try #require(try await repository.organisation(code: "440112-KX"))
            let fiscal = try #require(try await repository.fiscalYear(organisationID: organisation.id, year: 2022))
            let tasks = WorkPlanRepository(database: app.db)
            let versions = try await tasks.versions(yearID: fiscal.id)
            guard case .array(let plan)? = BundleWriter.encode(year)["workPlan"] else {
                Issue.record("the seed has a work plan")
                return
            }
            for value in plan {
                guard let id = value["id"]?.string, let due = value["due"]?.string else { continue }
                try await tasks.update(value.setting("status", to: .string("done")).setting("completed", to: .string(due))
                                           .setting("progress", to: .string("1")),
                                       id: id, version: try #require(versions[id]), organisation: organisation,
                                       fiscal: fiscal, actor: "test")
            }
            let done = try #require(try await repository.load(code: "440112-KX", year: 2022))
            #expect(done.workPlan.allSatisfy { $0.status == .done })
            try await expectTheEngines(done)
        }
    }

    @Test func aYearIsReplacedOnlyWhenAskedTo() async throws {
        try await TestStore.withApp { app in
            let repository = YearRepository(database: app.db)
            var year = try BundleReader().read(Fixtures.seed)
            try await repository.store(year, replacing: false, actor: "test")
            year.payments.removeLast(3)
            await #expect(throws: YearRepository.YearExists.self) {
                try await repository.store(year, replacing: false, actor: "test")
            }
            #expect(try await repository.load(code: "440112-KX", year: 2022)?.payments.count == 43)
            try await repository.store(year, replacing: true, actor: "test")
            #expect(try await repository.load(code: "440112-KX", year: 2022)?.payments.count == 40)
        }
    }

    @Test func aFailureHalfWayLeavesTheStoreUnchanged() async throws {
        try await TestStore.withApp { app in
            let repository = YearRepository(database: app.db)
            var broken = try BundleReader().read(Fixtures.seed)
            // Two lines with one code: the second insert breaks the unique constraint after the year, the first
            // line and nothing else went in.
            broken.budgetLines.append(broken.budgetLines[0])
            await #expect(throws: (any Error).self) { try await repository.store(broken, replacing: false, actor: "test") }
            #expect(try await OrganisationModel.query(on: app.db).count() == 0)
            #expect(try await FiscalYearModel.query(on: app.db).count() == 0)
            #expect(try await BudgetLineModel.query(on: app.db).count() == 0)
            #expect(try await AuditEntryModel.query(on: app.db).count() == 0)
        }
    }

    @Test func aCSVExportIsAddedOnlyWhenEveryRowIsRight() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let years = YearRepository(database: app.db)
            let organisationID = try #require(try await years.organisation(code: "440112-KX")?.id)
            let fiscal = try #require(try await years.fiscalYear(organisationID: organisationID, year: 2022))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pay-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            // A bad row in the middle: nothing of the file goes in.
            try Data("日期,金额,项目编码\n2022-05-01,100,X01\n2022-05-02,abc,X01\n2022-05-03,300,X02\n".utf8).write(to: file)
            let importer = PaymentImport(database: app.db)
            let refused = try await importer.importCSV(file, into: fiscal, replacing: false, subject: "s", actor: "t")
            #expect(refused.issues.map(\.chinese) == ["“abc”不是金额（精确到分）"])
            #expect(try await PaymentModel.query(on: app.db).filter(\.$fiscalYear.$id == fiscal.id).count() == 43)
            // Replacing with a bad file removes nothing either: the one pass is undone with its transaction.
            let refusedReplacement = try await importer.importCSV(file, into: fiscal, replacing: true, subject: "s",
                                                                  actor: "t")
            #expect(refusedReplacement.issueCount == 1)
            #expect(try await years.load(code: "440112-KX", year: 2022, payments: .dailyTotals)?.payments
                .map(\.count).reduce(0, +) == 43)
            try Data("日期,金额,项目编码\n2022-05-01,100,X01\n2022-05-03,300,X02\n".utf8).write(to: file)
            let added = try await importer.importCSV(file, into: fiscal, replacing: false, subject: "s", actor: "t")
            #expect(added.accepted == 2)
            let year = try #require(try await years.load(code: "440112-KX", year: 2022))
            #expect(year.payments.count == 45)
            #expect(year.payments.last == Payment(line: "X02", date: CivilDate(iso: "2022-05-03")!, amount: Money(fen: 30_000)))
            let replaced = try await importer.importCSV(file, into: fiscal, replacing: true, subject: "s", actor: "t")
            #expect(replaced.accepted == 2)
            #expect(try await years.load(code: "440112-KX", year: 2022)?.payments.count == 2)
        }
    }

    @Test func theAuditChainDetectsTampering() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let count = try await AuditLog.verify(on: app.db)
            #expect(count == 2 + Role.allCases.count)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(AuditEntryModel.schema).set("actor", to: SQLBind("mallory"))
                .where("sequence", .equal, SQLBind(3)).run()
            await #expect(throws: AuditLog.Break(sequence: 3, reason: "its content was changed after it was written")) {
                try await AuditLog.verify(on: app.db)
            }
            try await sql.delete(from: AuditEntryModel.schema).where("sequence", .equal, SQLBind(3)).run()
            await #expect(throws: AuditLog.Break.self) { try await AuditLog.verify(on: app.db) }
        }
    }

    @Test func anSQLiteStoreIsBackedUpWhileInUse() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString).sqlite")
            defer { try? FileManager.default.removeItem(at: file) }
            if case .postgres = TestStore.location {
                await #expect(throws: Backup.BackupError.notSQLite) { try await Backup.sqlite(on: app.db, to: file.path) }
                return
            }
            try await Backup.sqlite(on: app.db, to: file.path)
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
            #expect(size > 50_000)
            await #expect(throws: Backup.BackupError.exists(file.path)) { try await Backup.sqlite(on: app.db, to: file.path) }
        }
    }

    @Test func aPasswordHashOfAnotherCostIsRemadeAtTheConfiguredOneOnSignIn() async throws {
        try await TestStore.withApp { app in
            try await UserRepository(database: app.db, cost: 5).add(
                username: "zz", displayName: "zz", password: TestStore.password, role: .reviewer, organisationCode: nil,
                actor: "test")
            let users = UserRepository(database: app.db, cost: 4)
            #expect(try await users.row("zz")?.passwordHash.hasPrefix("$2b$05$") == true)
            guard case .valid = try await users.checkPassword(username: "zz", password: TestStore.password) else {
                Issue.record("the right password was refused")
                return
            }
            #expect(try await users.row("zz")?.passwordHash.hasPrefix("$2b$04$") == true)
            guard case .invalid = try await users.checkPassword(username: "nobody", password: TestStore.password) else {
                Issue.record("an unknown name was let in")
                return
            }
        }
    }

    @Test func usersNeedStrongPasswordsAndDepartmentsForDepartmentalRoles() async throws {
        try await TestStore.withApp { app in
            let users = UserRepository(database: app.db, cost: 4)
            for weak in ["short", "aaaaaaaaaa", "aaaaaaaaaaaaaaaa", "alllowercaseletters", "Aaaaaaaaaaaaaa1"] {
                await #expect(throws: UserRepository.UserError.self, "\(weak)") {
                    try await users.add(username: "a", displayName: "a", password: weak, role: .admin,
                                        organisationCode: nil, actor: "test")
                }
            }
            await #expect(throws: UserRepository.UserError.weakPassword(["密码不能包含用户名"])) {
                try await users.add(username: "zhangsan", displayName: "a", password: "Zhangsan-2026-x", role: .admin,
                                    organisationCode: nil, actor: "test")
            }
            await #expect(throws: UserRepository.UserError.organisationRequired(.preparer)) {
                try await users.add(username: "zz", displayName: "a", password: TestStore.password, role: .preparer,
                                    organisationCode: nil, actor: "test")
            }
            await #expect(throws: UserRepository.UserError.noOrganisation("X")) {
                try await users.add(username: "zz", displayName: "a", password: TestStore.password, role: .head,
                                    organisationCode: "X", actor: "test")
            }
            let stored = try await users.add(username: "zz", displayName: "a", password: TestStore.password,
                                              role: .admin, organisationCode: nil, actor: "test")
            let hash = try #require(try await users.row(stored.username)).passwordHash
            #expect(hash.hasPrefix("$2b$") && !hash.contains(TestStore.password))
        }
    }
}
}
