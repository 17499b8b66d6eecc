import Fluent
import Foundation
import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// Budget lines through the pages: add, checks, codes in use, conflicts.
    @Suite struct LineRouteTests {
        static let list = "/years/440112-KX/2022/lines"

        private func signedIn(_ app: Application) async throws -> Browser {
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "preparer")
            try await browser.get(app, Self.list) { browser.keep($0) }
            return browser
        }

        private func lineID(_ app: Application, code: String) async throws -> UUID {
            try #require(try await BudgetLineModel.query(on: app.db).filter(\.$code == code).first()?.id)
        }

        @Test func aNewLineCountsInTheBudget() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app)
                let new = ["code": "X04", "name": "科普读物印制", "kind": "project", "initial": "0",
                           "adjusted": "100,000.00"]
                #expect(try await browser.post(app, Self.list, new).0 == .seeOther)
                try await browser.get(app, "/years/440112-KX/2022") { response in
                    #expect(response.body.string.contains(#"id="adjusted">874.40"#))
                }
                let (duplicate, page) = try await browser.post(app, Self.list, new)
                #expect(duplicate == .unprocessableEntity)
                #expect(page.contains("本年度已有编码为“X04”的预算项目"))
                let (invalid, errors) = try await browser.post(app, Self.list, ["code": "", "kind": "other",
                                                                                "initial": "-1", "adjusted": "x"])
                #expect(invalid == .unprocessableEntity)
                #expect(errors.contains("有 5 处需要改正"))
            }
        }

        @Test func aLineWithPaymentsKeepsItsCodeAndCannotBeRemoved() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app)
                let id = try await lineID(app, code: "X02")
                let path = Self.list + "/" + id.uuidString
                let rename = ["code": "X20", "name": "科普大篷车展品更新", "kind": "project", "initial": "600000",
                              "adjusted": "580000", "version": "1"]
                let (renamed, page) = try await browser.post(app, path, rename)
                #expect(renamed == .conflict)
                #expect(page.contains("这个预算项目下有 3 笔支付"))
                let (removed, _) = try await browser.post(app, path + "/delete", ["version": "1"])
                #expect(removed == .conflict)
                var change = rename
                change["code"] = "X02"
                change["adjusted"] = "590000"
                #expect(try await browser.post(app, path, change).0 == .seeOther)
                let (stale, stalePage) = try await browser.post(app, path, change)
                #expect(stale == .conflict)
                #expect(stalePage.contains("已被他人修改"))
                let stored = try #require(try await BudgetLineModel.find(id, on: app.db))
                #expect(stored.adjustedFen == 59_000_000 && stored.version == 2)
            }
        }

        @Test func anEmptyLineCanBeRemoved() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app)
                #expect(try await browser.post(app, Self.list, ["code": "T1", "name": "临时", "kind": "basic",
                                                                "initial": "1", "adjusted": "1"]).0 == .seeOther)
                let id = try await lineID(app, code: "T1")
                #expect(try await browser.post(app, Self.list + "/\(id.uuidString)/delete", ["version": "1"]).0 == .seeOther)
                #expect(try await BudgetLineModel.find(id, on: app.db) == nil)
                let actions = try await AuditEntryModel.query(on: app.db).sort(\.$sequence).all().map(\.action)
                #expect(actions.suffix(2) == ["line.create", "line.delete"])
            }
        }
    }
}
