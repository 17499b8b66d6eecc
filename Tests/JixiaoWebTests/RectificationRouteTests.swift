import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import JixiaoTestSupport
@testable import JixiaoWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// 整改: a finding made an item from the year's overview, changed as the work goes on, listed and exported,
    /// and followed on later years' overviews until done.
    @Suite struct RectificationRouteTests {
        @Test func aFindingBecomesAnItemThatIsFollowedUntilDone() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let year = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
                let findings = FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year)).filter(\.needsAction)
                let finding = try #require(findings.first)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/years/440112-KX/2022") { response in
                    reviewer.keep(response)
                    let page = response.body.string
                    #expect(page.contains("<summary>列入整改</summary>") && page.contains(#"name="finding" value="\#(finding.code)""#))
                }
                let fields = ["finding": finding.code, "subject": finding.subject ?? "", "owner": "财务科",
                              "deadline": "2023-06-30"]
                let (added, _) = try await reviewer.post(app, "/years/440112-KX/2022/rectifications", fields)
                #expect(added == .seeOther)
                let (again, twice) = try await reviewer.post(app, "/years/440112-KX/2022/rectifications", fields)
                #expect(again == .conflict && twice.contains("这个问题已列为第 1 项整改事项"))
                var forged = fields
                forged["finding"] = "NO_SUCH_FINDING"
                #expect(try await reviewer.post(app, "/years/440112-KX/2022/rectifications", forged).0 == .unprocessableEntity)
                var undated = fields
                undated["deadline"] = "明年六月"
                let (refused, why) = try await reviewer.post(app, "/years/440112-KX/2022/rectifications", undated)
                #expect(refused == .unprocessableEntity && why.contains("整改期限“明年六月”不是日期"))
                try await reviewer.get(app, "/years/440112-KX/2022") { response in
                    #expect(response.body.string.contains("已列为第 1 项整改（未整改）"))
                }
                try await reviewer.get(app, "/rectifications?year=2022") { response in
                    let page = response.body.string
                    #expect(page.contains("共 1 项：已整改 0 项，整改中 0 项，未整改 1 项；逾期 1 项。") && page.contains("问题：\(finding.message)"))
                    #expect(page.contains("责任人：财务科；整改期限：2023 年 6 月 30 日"))
                }

                // The department reports it done: a result must be written.
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, "/rectifications") { preparer.keep($0) }
                let update = "/years/440112-KX/2022/rectifications/1"
                let (bare, reason) = try await preparer.post(app, update, ["status": "done", "owner": "财务科",
                                                                           "deadline": "2023-06-30", "progress": " "])
                #expect(bare == .unprocessableEntity && reason.contains("已整改的事项请写明整改结果"))
                #expect(try await preparer.post(app, update, ["status": "inProgress", "owner": "财务科",
                                                              "deadline": "2023-06-30", "progress": "已制定支付进度表"]).0 == .seeOther)
                try await preparer.get(app, "/rectifications.csv") { response in
                    let lines = response.body.string.split(separator: "\r\n")
                    #expect(lines.count == 2 && lines[0].hasPrefix("\u{FEFF}部门编码,部门,问题所属年度,序号,问题代码,问题,整改措施,责任人"))
                    #expect(lines[1].hasPrefix("440112-KX,") && lines[1].contains(",2022,1,\(finding.code),")
                        && lines[1].contains(",财务科,2023-06-30,整改中,是,已制定支付进度表,preparer"))
                }
                // An item of an earlier year not yet done is followed on the year after.
                try await Rectifications(database: app.db).add(
                    Rectification(findingCode: "EXECUTION_LOW", subject: "budget", problem: "2021 年支付进度偏慢",
                                  measure: "按月调度支付", owner: "财务科", deadline: CivilDate(year: 2022, month: 3, day: 31)!),
                    code: "440112-KX", year: 2021, actor: AuditActor(name: "reviewer", role: "reviewer", source: "test"))
                try await preparer.get(app, "/years/440112-KX/2022?asOf=2022-06-30") { response in
                    let page = response.body.string
                    #expect(page.contains("以前年度整改事项：未完成 1 项") && page.contains("【2021 年第 1 项·未整改·已逾期】"))
                }
                // …and in that year's report, as an annex that counts them (this year's own items are not there).
                try await preparer.get(app, "/years/440112-KX/2022/report.html") { response in
                    let page = response.body.string
                    #expect(page.contains("附件：以前年度问题整改情况") && page.contains("以前年度评价发现的问题列入整改 1 项")
                        && page.contains("未整改 1 项，其中 1 项已超过整改期限。"))
                    #expect(page.contains("2021-1") && page.contains("2021 年支付进度偏慢") && page.contains("未整改（已逾期）"))
                    #expect(!page.contains("已制定支付进度表"))
                }
                // The auditor reads and changes nothing; the department cannot touch another's items.
                var auditor = Browser()
                try await auditor.signIn(app, username: "auditor")
                try await auditor.get(app, "/rectifications?year=2022") { response in
                    auditor.keep(response)
                    #expect(response.status == .ok && !response.body.string.contains("更新整改情况"))
                }
                #expect(try await auditor.post(app, update, ["status": "done", "owner": "x", "deadline": "2023-06-30",
                                                             "progress": "x"]).0 == .forbidden)
                #expect(try await preparer.post(app, "/years/420000-WJ-DEMO/2023/rectifications/1",
                                                ["status": "done", "owner": "x", "deadline": "2023-06-30", "progress": "x"]).0 == .forbidden)
            }
        }
        /// A province's list is shown a hundred items a page, counted whole by the database, its filters kept in the
        /// page links; the CSV holds every item.
        @Test func theListIsPagedAndCountedWhole() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let repository = Rectifications(database: app.db)
                let actor = AuditActor(name: "reviewer", role: "reviewer", source: "test")
                for number in 1...150 {
                    var item = Rectification(findingCode: "PLAN_BEHIND", subject: "budget.lines[\(number)]",
                                             problem: "第 \(number) 条支付慢于计划", measure: "按月调度", owner: "财务科",
                                             deadline: CivilDate(year: 2023, month: number <= 50 ? 3 : 12, day: 31)!)
                    if number % 3 == 0 { item.status = .inProgress }
                    _ = try await repository.add(item, code: "440112-KX", year: 2022, actor: actor)
                }
                let tally = try await repository.tally(year: 2022, today: CivilDate(year: 2023, month: 6, day: 1)!)
                #expect(tally.total == 150 && tally.byStatus[.inProgress] == 50 && tally.byStatus[.open] == 100
                    && tally.overdue == 50)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/rectifications?year=2022&status=open") { response in
                    let page = response.body.string
                    #expect(page.contains("共 100 项：已整改 0 项，整改中 0 项，未整改 100 项"))
                    #expect(!page.contains("分页"))
                }
                try await reviewer.get(app, "/rectifications?year=2022") { response in
                    let page = response.body.string
                    #expect(page.contains("共 150 项：") && page.contains("第 1–100 项，共 150 项（第 1/2 页）"))
                    #expect(page.contains("item-440112-KX-2022-100\"") && !page.contains("item-440112-KX-2022-101\""))
                    #expect(page.contains(#"href="/rectifications?year=2022&amp;page=2">下一页</a>"#))
                }
                try await reviewer.get(app, "/rectifications?year=2022&page=9") { response in
                    let page = response.body.string
                    #expect(page.contains("第 101–150 项，共 150 项（第 2/2 页）") && page.contains("item-440112-KX-2022-150\""))
                }
                try await reviewer.get(app, "/rectifications.csv?year=2022") { response in
                    #expect(response.body.string.split(separator: "\r\n").count == 151)
                }
            }
        }

        @Test func pagesStayWithinTheList() {
            #expect(Paging(page: nil, total: 0).range == 0..<0 && Paging(page: 5, total: 0).page == 1)
            #expect(Paging(page: -2, total: 250).range == 0..<100 && Paging(page: 3, total: 250).range == 200..<250)
            #expect(Paging(page: 4, total: 250).page == 3 && Paging(page: 2, total: 250).pages == 3)
        }
    }
}
