import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
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

        @Test func aMonthlyPlanIsSpreadCheckedSavedAndMonitored() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app)
                let plan = "\(Self.list)/\(try await lineID(app, code: "J02").uuidString)/plan"
                var version = ""
                try await browser.get(app, plan) { response in
                    let page = response.body.string
                    #expect(page.contains("计划合计 0.00 万元，全年预算数 58.30 万元，尚有 58.30 万元未列入计划。"))
                    #expect(page.contains("按上年各月支付比例分摊"))
                    version = String(page.split(separator: #"name="version" value=""#)[1].prefix { $0 != "\"" })
                }
                // Last year paid a third in the first half: 583,000.00 splits 32,388.89 (January, an extra fen) …
                let (_, spread) = try await browser.post(app, plan, ["action": "lastYear", "version": version])
                #expect(spread.contains(#"name="month1" id="month1" value="32388.89""#))
                #expect(spread.contains(#"name="month10" id="month10" value="64777.78""#))
                #expect(spread.contains(#"name="month12" id="month12" value="64777.77""#))  // the smallest remainders
                #expect(spread.contains("计划合计 58.30 万元，全年预算数 58.30 万元，一致。"))
                let (none, _) = try await browser.post(app, plan, ["action": "workPlan", "version": version])
                #expect(none == .unprocessableEntity)  // no task plans payments from J02
                let (_, even) = try await browser.post(app, plan, ["action": "even", "from": "7", "version": version])
                #expect(even.contains(#"name="month7" id="month7" value="97166.67""#) && !even.contains(#"id="month6" value="9"#))
                var fields = ["action": "save", "version": version, "month2": "1,000", "month5": "两千", "month8": "-3"]
                let (refused, errors) = try await browser.post(app, plan, fields)
                #expect(refused == .unprocessableEntity && errors.contains("有 2 处需要改正。"))
                #expect(errors.contains(#"id="month5-error">“两千”不是金额"#))
                fields = ["action": "save", "version": version, "month1": "100000", "month12": "483,000.00"]
                #expect(try await browser.post(app, plan, fields).0 == .seeOther)
                #expect(try await browser.post(app, plan, fields).0 == .conflict)
                let last = try await AuditEntryModel.query(on: app.db).sort(\.$sequence, .descending).first()
                #expect(last?.action == "line.plan" && last?.subject == "440112-KX/2022/J02")
                // J02 has paid 47,900.00 a month: by the end of June 287,400.00 against 100,000.00 planned.
                try await browser.get(app, "/api/v1/years/440112-KX/2022/monitoring?asOf=2022-06-30") { response in
                    let report = try JSONParser.parse(Data(response.body.readableBytesView))
                    guard case .array(let lines)? = report["lines"] else { Issue.record("no lines"); return }
                    #expect(lines[1]["planned"] == .string("100000.00") && lines[1]["method"] == .string("plan"))
                }
                try await browser.get(app, "/api/v1/years/440112-KX/2022/bundle") { response in
                    let bundle = try JSONParser.parse(Data(response.body.readableBytesView))
                    guard case .array(let lines)? = bundle["budget"]?["lines"] else { Issue.record("no lines"); return }
                    #expect(lines[1]["plan"] == .array([.object(["month": .number("1"), "amount": .string("100000.00")]),
                                                        .object(["month": .number("12"), "amount": .string("483000.00")])]))
                }
            }
        }

        @Test func lastYearKeptInTheStoreIsTheProfileOfLinesWithoutAPlan() async throws {
            try await TestStore.withApp { app in
                let browser = try await signedIn(app)
                var previous = try BundleReader().read(Fixtures.seed)
                previous.year = 2021
                previous.payments = previous.payments.map { payment in
                    var moved = payment
                    moved.date = CivilDate(year: 2021, month: payment.date.month, day: payment.date.day)!
                    return moved
                }
                previous.indicators = previous.indicators.map { indicator in
                    var earlier = indicator
                    earlier.progress = []
                    return earlier
                }
                try await YearRepository(database: app.db).store(previous, replacing: false, actor: "test")
                let profile = try await LastYearProfile(database: app.db).payments(code: "440112-KX", before: 2022)
                #expect(profile["X03"]?.map(\.month) == [2, 4, 6, 8, 10, 12])
                #expect(profile["X03"]?.last?.amount == Money(fen: 40_000_000))
                #expect(try await LastYearProfile(database: app.db).payments(code: "440112-KX", before: 2021).isEmpty)

                // X02's plan can be summed from the work plan: t4 plans 17.40, 23.20 and 17.40 万元 in September–November.
                let x02 = "\(Self.list)/\(try await lineID(app, code: "X02").uuidString)/plan"
                try await browser.get(app, x02) { _ in }
                let (_, summed) = try await browser.post(app, x02, ["action": "workPlan", "version": "1"])
                #expect(summed.contains(#"name="month10" id="month10" value="232000.00""#))
                #expect(summed.contains("计划合计 58.00 万元，全年预算数 58.00 万元，一致。"))

                // Without its plan, X03 follows 2021: 300,000.00 of 976,000.00 paid by the end of June.
                let id = try await lineID(app, code: "X03")
                let model = try #require(try await BudgetLineModel.find(id, on: app.db))
                let fiscal = try StoredYear(try #require(try await FiscalYearModel.find(model.$fiscalYear.id, on: app.db)))
                try await BudgetLineRepository(database: app.db).updatePlan(
                    id, fiscal: fiscal, version: model.version, plan: [], subject: "440112-KX/2022", actor: "test")
                try await browser.get(app, "/api/v1/years/440112-KX/2022/monitoring?asOf=2022-06-30") { response in
                    let report = try JSONParser.parse(Data(response.body.readableBytesView))
                    guard case .array(let lines)? = report["lines"] else { Issue.record("no lines"); return }
                    #expect(lines[4]["method"] == .string("lastYear"))
                    // Planned by the profile: 1,000,000 × 300/976; paid 300,000 is a pace of 0.976, kept for the rest:
                    // 300,000 + 1,000,000 × 676/976 × 0.976 = 976,000 (the linear method would say 604,972.38).
                    #expect(lines[4]["projected"] == .string("976000.00"))
                }
            }
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
