import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// Uploading bundles and workbooks through the import page.
    @Suite struct ImportRouteTests {
        private func upload(_ app: Application, _ browser: Browser, name: String, data: Data, replace: Bool,
                            year: String? = nil) async throws -> (HTTPResponseStatus, String) {
            var fields: [String: String] = [:]
            if replace { fields["replace"] = "1" }
            if let year { fields["year"] = year }
            return try await browser.upload(app, "/import", fields: fields, file: (name, data))
        }

        private func signedIn(_ app: Application, as username: String) async throws -> Browser {
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: username)
            try await browser.get(app, "/") { browser.keep($0) }
            return browser
        }

        @Test func aWorkbookReplacesTheYearOnlyWhenConfirmedAfterSeeingWhatChanges() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: "preparer")
                var year = try BundleReader().read(Fixtures.seed)
                year.payments.removeLast(3)
                year.indicators[0].targetText = "36"
                year.goal = "修改后的总体目标"
                let workbook = try WorkbookExport.workbook(year)
                let (preview, page) = try await upload(app, browser, name: "填报.xlsx", data: workbook, replace: false)
                #expect(preview == .ok)
                #expect(page.contains("将有以下 3 处变化") && page.contains("43 笔") && page.contains("40 笔")
                    && page.contains("目标 ≥ 40 场（10 分） → ≥ 36 场（10 分）") && page.contains("年度总体目标有修改"))
                // Nothing changed yet.
                #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)?.payments.count == 43)
                let token = try #require(page.range(of: #"name="token" value=""#).map {
                    String(page[$0.upperBound...].prefix { $0 != "\"" })
                })
                // Only its uploader confirms it.
                var other = Browser()
                _ = try await other.signIn(app, username: "head")
                try await other.get(app, "/import") { other.keep($0) }
                #expect(try await other.post(app, "/import/confirm", ["token": token]).0 == .gone)
                let (confirmed, _) = try await browser.post(app, "/import/confirm", ["token": token])
                #expect(confirmed == .seeOther)
                #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022) == year)
                // Used once.
                #expect(try await browser.post(app, "/import/confirm", ["token": token]).0 == .gone)
                // The same file again changes nothing and says so.
                let (same, again) = try await upload(app, browser, name: "填报.xlsx", data: workbook, replace: false)
                #expect(same == .ok && again.contains("无需导入"))
            }
        }

        @Test func aFaultyFileIsRefusedWithEveryProblemNamed() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: "head")
                let data = try Data(contentsOf: Fixtures.fixture("bad-bundle.json"))
                let (status, page) = try await upload(app, browser, name: "bad.json", data: data, replace: true)
                #expect(status == .unprocessableEntity)
                #expect(page.contains("有 23 处问题，未导入任何数据"))
                #expect(page.contains("payments[1].date：“2022-13-05”不是有效日期（YYYY-MM-DD）"))
            }
        }

        @Test func anotherDepartmentsFileIsRefused() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: "preparer")
                let data = try Data(contentsOf: Fixtures.example("demo-archives-gd-2024.json"))
                let (status, page) = try await upload(app, browser, name: "other.json", data: data, replace: false)
                #expect(status == .forbidden)
                #expect(page.contains("不是您所在的部门"))
                #expect(try await YearRepository(database: app.db).load(code: "440100-DA-DEMO", year: 2024) == nil)
            }
        }

        @Test func aPaymentExportGoesIntoTheChosenYear() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: "preparer")
                let csv = Data("支付日期,支付金额,预算项目编码,收款单位\n2022/7/1,\"1,000.00\",X01,甲\n".utf8)
                let (missingYear, _) = try await upload(app, browser, name: "支付.csv", data: csv, replace: false)
                #expect(missingYear == .unprocessableEntity)
                let (other, _) = try await upload(app, browser, name: "支付.csv", data: csv, replace: false,
                                                  year: "420000-WJ-DEMO/2023")
                #expect(other == .forbidden)
                let bad = Data("支付日期,支付金额,预算项目编码\n2022/7/1,100,X01\n2022/7/2,百元,X01\n".utf8)
                let (refused, page) = try await upload(app, browser, name: "bad.csv", data: bad, replace: false,
                                                       year: "440112-KX/2022")
                #expect(refused == .unprocessableEntity)
                #expect(page.contains("第 3 行（金额）：“百元”不是金额（精确到分）"))
                let (added, _) = try await upload(app, browser, name: "支付.csv", data: csv, replace: false,
                                                  year: "440112-KX/2022")
                #expect(added == .seeOther)
                #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)?.payments.count == 44)
            }
        }

        @Test("reviewers and auditors cannot import", arguments: ["reviewer", "auditor"])
        func readOnlyRoles(username: String) async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: username)
                try await browser.get(app, "/import") { response in #expect(response.status == .forbidden) }
            }
        }
    }
}
