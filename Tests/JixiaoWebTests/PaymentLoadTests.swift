import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor

extension DatabaseTests {
    /// Payments loaded in bulk (PostgreSQL's COPY, SQLite's multi-row inserts) come back exactly as written.
    @Suite struct PaymentLoadTests {
        /// What COPY's text format and the JSON a batch goes into SQLite as must escape: tabs, line breaks,
        /// backslashes, quotes.
        @Test func textWithTabsLineBreaksBackslashesAndQuotesComesBackAsWritten() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let years = YearRepository(database: app.db)
                let organisation = try #require(try await years.organisation(code: "440112-KX"))
                let fiscal = try #require(try await years.fiscalYear(organisationID: organisation.id, year: 2022))
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("load-\(UUID().uuidString).csv")
                defer { try? FileManager.default.removeItem(at: file) }
                let memo = "第一行\r\n第二行\n\t缩进 C:\\temp\\N \\N"
                let csv = "日期,金额,项目编码,收款人,摘要\n"
                    + "2022-11-01,100.01,X01,\"某\\公司\t（北京）\",\"\(memo)\"\n"
                    + "2022-11-02,0.50,X01,\"\"\"引号\"\"公司\",\"\\\"\"\\\"\n"
                    + "2022-11-02,-0.01,X01,,\n"
                try Data(csv.utf8).write(to: file)
                let summary = try await PaymentImport(database: app.db).importCSV(
                    file, into: fiscal, replacing: true, subject: "t", actor: "t")
                #expect(summary.issueCount == 0)
                let rows = try await PaymentRepository(database: app.db)
                    .page(yearID: fiscal.id, year: 2022, filter: .init(), page: 1, size: 10).rows
                    .map(\.value)
                #expect(rows.count == 3)
                #expect(rows.first?.payee == "某\\公司\t（北京）")
                #expect(rows.first?.memo == memo)
                #expect(rows.map(\.amount) == [Money(fen: 10_001), Money(fen: 50), Money(fen: -1)])
                #expect(rows[1].payee == "\"引号\"公司")
                #expect(rows[1].memo == "\\\"\\")
                #expect(rows.last?.payee == "")
            }
        }
    }
}
