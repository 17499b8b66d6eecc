import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoOffice
@testable import JixiaoStore
import JixiaoTestSupport
@testable import JixiaoWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// 评价结果应用: the bureau's rule turns each department's grade and the timeliness of its self-evaluation into
    /// next year's budget suggestion; the reviewer changes the rule, the auditor reads, departments are kept out.
    @Suite struct ResultUseRouteTests {
        @Test func theBureauSetsItsRuleAndExportsNextYearsSuggestions() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var silent = try BundleReader().read(Fixtures.seed)
                silent.department = Department(code: "440113-KX", name: "另一区科学技术协会")
                try await YearRepository(database: app.db).store(silent, replacing: false, actor: "test")
                let actor = AuditActor(name: "reviewer", role: "reviewer", source: "test")
                try await ReviewCampaigns(database: app.db).open(
                    year: 2022, targetsDue: CivilDate(year: 2022, month: 3, day: 31)!,
                    evaluationDue: CivilDate(year: 2023, month: 4, day: 30)!, actor: actor)
                // The seed's head sent its self-evaluation on 3 May 2023 (China time); the other never did.
                let seed = try #require(try await YearRepository(database: app.db).organisation(code: "440112-KX"))
                let event = ReviewEventModel()
                event.$organisation.id = seed.id
                event.year = 2022
                event.round = ReviewRound.selfEvaluation.rawValue
                event.action = ReviewAction.approve.rawValue
                event.fromState = ReviewState.submitted.rawValue
                event.toState = ReviewState.departmentApproved.rawValue
                event.actor = "head"
                event.role = "head"
                event.reason = ""
                event.remarks = "[]"
                event.at = Date(timeIntervalSince1970: 1_683_043_200) // 2023-05-02T16:00Z = 3 May 00:00 in China
                try await event.create(on: app.db)

                let all = try await ResultUse(database: app.db).rows(year: 2022, today: CivilDate(year: 2023, month: 6, day: 1)!)
                // The campaign is open: the demo's Hubei unit, which holds only 2023, is a unit that sent nothing.
                #expect(all.map(\.department.code) == ["420000-WJ-DEMO", "440112-KX", "440113-KX"])
                #expect(all.map(\.submitted) == [false, true, true] && all[0].timeliness == .missing)
                let rows = Array(all.dropFirst())
                #expect(rows.map(\.timeliness) == [.late(days: 3), .missing])
                #expect(rows[0].received == CivilDate(year: 2023, month: 5, day: 3))
                #expect(rows[0].suggestion.cut == Rational(1, 10) && rows[0].suggestion.amount == Money(fen: 777_960_000))
                #expect(rows[1].suggestion.cut == Rational(2, 10))

                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/compare/results?year=2022") { response in
                    reviewer.keep(response)
                    let page = response.body.string
                    #expect(response.status == .ok && page.contains("<h1>评价结果应用</h1>"))
                    #expect(page.contains("示例县卫生健康局（未报送）</td><td class=\"number\">—</td>"))
                    #expect(page.contains("共 3 个部门（其中 1 个未报送）：压减 3 个。") && page.contains("逾期 3 天报送") && page.contains("逾期未报送"))
                    #expect(page.contains("<td class=\"number\">777.96</td>") && page.contains("等级“优”：优先保障；逾期 3 天报送：压减 10%"))
                    #expect(page.contains(#"<button type="submit">保存规则</button>"#))
                }
                // 优 keeps its priority when late: no cut for lateness; 中 cut by 15 %.
                var fields = ["year": "2022", "late": "0", "missing": "25"]
                for (index, (grade, action)) in [("优", "priority"), ("良", "keep"), ("中", "cut"), ("差", "suspend")].enumerated() {
                    fields["grade_\(index)"] = grade
                    fields["action_\(index)"] = action
                    fields["share_\(index)"] = grade == "中" ? "15" : "0"
                }
                let (status, page) = try await reviewer.post(app, "/compare/results", fields)
                #expect(status == .ok && page.contains("2022 年的结果应用规则已保存。"))
                #expect(page.contains("共 3 个部门（其中 1 个未报送）：优先保障 1 个，压减 2 个。"))
                let stored = try await ResultUse(database: app.db).rule(year: 2022)
                #expect(stored.grades["中"] == .init(.cut, share: Rational(15, 100)) && stored.lateCut == .zero
                    && stored.missingCut == Rational(1, 4))
                fields["share_2"] = "150"
                let (refused, problems) = try await reviewer.post(app, "/compare/results", fields)
                #expect(refused == .unprocessableEntity && problems.contains("grades.中.share") && problems.contains("大于 1"))
                #expect(try await ResultUse(database: app.db).rule(year: 2022) == stored)

                try await reviewer.get(app, "/compare/results.csv?year=2022") { response in
                    let lines = response.body.string.split(separator: "\r\n")
                    #expect(lines.count == 4 && lines[0] == "\u{FEFF}部门编码,部门,全年预算数（元）,评价等级,等级来源,自评报送,建议,压减比例,建议下年预算（元）,依据")
                    #expect(lines[1] == "420000-WJ-DEMO,示例县卫生健康局,,,自评,逾期未报送,压减,25%,,尚无评价等级，按保持；逾期未报送：压减 25%；未报送本年度数据，下年预算由财政局按核定基数确定")
                    #expect(lines[2] == "440112-KX,广州市黄埔区科学技术协会（广州开发区科学技术协会）,8644000.00,优,自评,逾期 3 天报送,优先保障,0%,8644000.00,等级“优”：优先保障")
                    #expect(lines[3].contains(",逾期未报送,压减,25%,6483000.00,"))
                }
                try await reviewer.get(app, "/compare/results.xlsx?year=2022") { response in
                    let sheet = try #require(try SpreadsheetReader.read(Data(response.body.readableBytesView))
                        .sheet(named: "评价结果应用2022"))
                    #expect(sheet.rows.count == 4 && sheet[3, 8] == .number("6483000.00") && sheet[3, 6] == .text("压减"))
                }
                var auditor = Browser()
                try await auditor.signIn(app, username: "auditor")
                try await auditor.get(app, "/compare/results?year=2022") { response in
                    auditor.keep(response)
                    #expect(response.status == .ok && !response.body.string.contains("保存规则</button>"))
                }
                let (forbidden, reason) = try await auditor.post(app, "/compare/results", fields)
                #expect(forbidden == .forbidden && reason.contains("评价结果应用只由财政局审核人进行"))
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, "/compare/results?year=2022") { #expect($0.status == .forbidden) }
            }
        }
    }
}
