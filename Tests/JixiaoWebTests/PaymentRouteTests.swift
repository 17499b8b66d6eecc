import Fluent
import Foundation
@testable import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// Adding, changing and removing payments through the pages, with checks, roles, conflicts and the audit trail.
    @Suite struct PaymentRouteTests {
        static let list = "/years/440112-KX/2022/payments"

        private func signedIn(_ app: Application, as username: String) async throws -> Browser {
            try await TestStore.seed(app)
            var browser = Browser()
            #expect(try await browser.signIn(app, username: username) == .seeOther)
            try await browser.get(app, Self.list) { browser.keep($0) }
            return browser
        }

        @Test func aPaymentAddedOnThePageRaisesTheExecution() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: "preparer")
                let (status, _) = try await browser.post(app, Self.list, [
                    "line": "X01", "date": "2022/6/30", "amount": "8,770.00", "payee": "科普公司", "voucher": "V-NEW",
                ])
                #expect(status == .seeOther)
                try await browser.get(app, "/years/440112-KX/2022") { response in
                    #expect(response.body.string.contains(#"id="executed">856.51"#))
                    #expect(response.body.string.contains(#"id="rate">99.09%"#))
                }
                try await browser.get(app, Self.list + "?line=X01&month=6") { response in
                    #expect(response.body.string.contains("V-NEW"))
                    #expect(response.body.string.contains("共 2 笔，合计 111,770.00 元"))
                    #expect(response.body.string.contains(#"<td class="number">8,770.00</td>"#))
                }
                let snapshot = try await EvaluationModel.query(on: app.db).all().first { $0.rate == "0.9909" }
                #expect(snapshot?.total == "97.91")
                let entry = try await AuditEntryModel.query(on: app.db).sort(\.$sequence, .descending).first()
                #expect(entry?.action == "payment.create" && entry?.actor == "preparer")
                #expect(entry?.after.contains(#""amount": "8770.00""#) == true)
            }
        }

        @Test func everyWrongFieldIsShownBesideIt() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: "head")
                let (status, body) = try await browser.post(app, Self.list,
                                                    ["line": "X99", "date": "2022/13/05", "amount": "五百"])
                #expect(status == .unprocessableEntity)
                #expect(body.contains(#"<span class="field-error" id="line-error">“X99”不是本年度的预算项目编码</span>"#))
                #expect(body.contains("“2022/13/05”不是有效日期"))
                #expect(body.contains("“五百”不是金额"))
                #expect(body.contains("有 3 处需要改正"))
                #expect(try await PaymentModel.query(on: app.db).count() == 43 + 14)
                // An amount in exponent notation is not read as 100000.
                let (exponent, page) = try await browser.post(app, Self.list,
                                                              ["line": "X01", "date": "2022-06-30", "amount": "1e5"])
                #expect(exponent == .unprocessableEntity && page.contains("“1e5”不是金额"))
            }
        }

        @Test("reviewers, auditors and other departments cannot change payments",
              arguments: ["reviewer", "auditor"])
        func readOnlyRoles(username: String) async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: username)
                let (status, _) = try await browser.post(app, Self.list,
                                                 ["line": "X01", "date": "2022-06-30", "amount": "1"])
                #expect(status == .forbidden)
                try await browser.get(app, Self.list) { response in
                    #expect(response.status == .ok)
                    #expect(!response.body.string.contains("新增支付"))
                }
            }
        }

        @Test func twoEditorsCannotOverwriteEachOther() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app, as: "preparer")
                let payment = try #require(try await PaymentModel.query(on: app.db).filter(\.$voucher == "HPKX2022-0001")
                    .first())
                let path = Self.list + "/" + payment.id!.uuidString
                let fields = ["line": payment.lineCode, "date": payment.date, "payee": "甲", "version": "1"]
                let (first, _) = try await browser.post(app, path, fields.merging(["amount": "100.00"]) { a, _ in a })
                #expect(first == .seeOther)
                let (second, body) = try await browser.post(app, path, fields.merging(["amount": "200.00"]) { a, _ in a })
                #expect(second == .conflict)
                #expect(body.contains("已被他人修改"))
                #expect(body.contains(#"value="100.00""#))
                let stored = try #require(try await PaymentModel.find(payment.id, on: app.db))
                #expect(stored.amountFen == 10_000 && stored.version == 2)
                let (stale, _) = try await browser.post(app, path + "/delete", ["version": "1"])
                #expect(stale == .conflict)
                let (removed, _) = try await browser.post(app, path + "/delete", ["version": "2"])
                #expect(removed == .seeOther)
                #expect(try await PaymentModel.find(payment.id, on: app.db) == nil)
                let actions = try await AuditEntryModel.query(on: app.db).sort(\.$sequence).all().map(\.action)
                #expect(actions.suffix(2) == ["payment.update", "payment.delete"])
                #expect(try await AuditLog.verify(on: app.db) == actions.count)
            }
        }
    }
}
