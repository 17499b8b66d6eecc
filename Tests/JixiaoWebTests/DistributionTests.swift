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
    /// The schema keeps the rules a distributed PostgreSQL needs (``Distribution``), and every row of a department's
    /// data carries its organisation, however it was written.
    @Suite struct DistributionTests {
        /// Every table is either the department's (sharded by organisation) or a reference table; the department's
        /// tables have the organisation in every key, and their foreign keys point at reference tables or at each
        /// other with the organisation on both sides. PostgreSQL's catalog is read; a SQLite file is never distributed.
        @Test func everyKeyOfADepartmentsTableIncludesItsOrganisation() async throws {
            try await TestStore.withApp { app in
                guard (app.db as! any SQLDatabase).dialect.name == "postgresql" else { return }
                try await Self.expectRulesKept(app.db)
            }
        }

        /// Lines, payments, records, snapshots and totals written by every path carry their year's organisation.
        @Test func everyWriterSetsTheOrganisation() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let years = YearRepository(database: app.db)
                let organisation = try #require(try await years.organisation(code: "440112-KX"))
                let fiscal = try #require(try await years.fiscalYear(organisationID: organisation.id, year: 2022))
                let yearID = fiscal.id
                try await PaymentRepository(database: app.db).create(
                    Payment(line: "X01", date: CivilDate(year: 2022, month: 7, day: 9)!, amount: Money(fen: 12_345)),
                    yearID: yearID, subject: "t", actor: "t")
                try await BudgetLineRepository(database: app.db).create(
                    BudgetLine(code: "Z99", name: "新增项目", kind: .project, initial: Money(fen: 100), adjusted: Money(fen: 100)),
                    yearID: yearID, subject: "t", actor: "t")
                let csv = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID()).csv")
                try Data("日期,金额,项目编码\n2022-08-01,10.00,X01\n".utf8).write(to: csv)
                defer { try? FileManager.default.removeItem(at: csv) }
                let summary = try await PaymentImport(database: app.db).importCSV(
                    csv, into: fiscal, replacing: false, subject: "t", actor: "t")
                #expect(summary.issueCount == 0 && summary.accepted == 1)
                try await Self.expectEveryRowOwned(app.db)
            }
        }

        /// A store made before this change gets the organisation on every row from its fiscal years and its keys
        /// made again; the years read back as before.
        @Test func aStoreMadeBeforeTheOrganisationKeysMovesForward() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let before = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
                // Back and forward on one connection: SQLite's connections to one database in memory can miss a
                // dropped column another made.
                try await app.db.transaction { database in
                    let since: [any AsyncMigration] = [AddOrganisationToYearData(), KeyByOrganisation()]
                    for migration in since.reversed() { try await migration.revert(on: database) }
                    for table in Distribution.keyedByYear {
                        #expect(!(try await Self.columns(of: table, on: database)).contains(Distribution.column), "\(table)")
                    }
                    for migration in since { try await migration.prepare(on: database) }
                }
                let sql = app.db as! any SQLDatabase
                try await Self.expectEveryRowOwned(app.db)
                if sql.dialect.name == "postgresql" { try await Self.expectRulesKept(app.db) }
                let after = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
                #expect(after == before)
                // Changes go on as before, the totals' upsert included.
                try await PaymentRepository(database: app.db).create(
                    Payment(line: "X01", date: CivilDate(year: 2022, month: 7, day: 9)!, amount: Money(fen: 1)),
                    yearID: try #require(try await YearRows.FiscalRow.find(code: "440112-KX", year: 2022, on: app.db)).id,
                    subject: "t", actor: "t")
                try await Self.expectEveryRowOwned(app.db)
            }
        }

        /// The columns of `table`, from SQLite's or PostgreSQL's catalog.
        static func columns(of table: String, on database: any Database) async throws -> [String] {
            let sql = database as! any SQLDatabase
            guard sql.dialect.name == "postgresql" else {
                return try await sql.raw("PRAGMA table_info(\(ident: table))").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            return try await sql.raw("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table)
                """).all().map { try $0.decode(column: "column_name", as: String.self) }
        }

        /// Every row of the year tables has its fiscal year's organisation.
        static func expectEveryRowOwned(_ database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for table in Distribution.keyedByYear {
                let rows = try await sql.raw("""
                    SELECT COUNT(*) AS n, COUNT(CASE WHEN t.organisation_id = f.organisation_id THEN 1 END) AS owned
                    FROM \(ident: table) AS t JOIN \(ident: FiscalYearModel.schema) AS f ON f.id = t.year_id
                    """).first()
                let count = try #require(rows).decode(column: "n", as: Int.self)
                #expect(count > 0, "\(table)")
                #expect(try rows?.decode(column: "owned", as: Int.self) == count, "\(table)")
            }
        }

        /// The rules of ``Distribution``, read from PostgreSQL's catalog.
        static func expectRulesKept(_ database: any Database) async throws {
            let distributed = Set(Distribution.byOrganisation)
            let reference = Set(Distribution.reference)
            #expect(distributed.isDisjoint(with: reference))
            #expect(Set(try await StoreCatalog.tables(on: database)) == distributed.union(reference))
            let nullable = try await StoreCatalog.nullableColumns(on: database)
            for table in distributed { #expect(!nullable.contains("\(table).\(Distribution.column)"), "\(table)") }
            for key in try await StoreCatalog.keys(on: database) {
                let owned = key.columns.contains(Distribution.column)
                switch key.kind {
                case .primary, .unique, .uniqueIndex:
                    #expect(!distributed.contains(key.table) || owned, "\(key.table).\(key.name) \(key.columns)")
                case .foreign(let target, let targetColumns, _):
                    if distributed.contains(target) {
                        // Both sides on one shard: the organisation at the same place on each.
                        #expect(distributed.contains(key.table), "\(key.table).\(key.name)")
                        #expect(key.columns.firstIndex(of: Distribution.column) != nil
                                && key.columns.firstIndex(of: Distribution.column)
                                    == targetColumns.firstIndex(of: Distribution.column),
                                "\(key.table).\(key.name) \(key.columns) → \(target) \(targetColumns)")
                    } else {
                        #expect(reference.contains(target), "\(key.table).\(key.name) → \(target)")
                    }
                }
            }
        }
    }
}
