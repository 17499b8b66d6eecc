import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

/// The indicator tree edited on the pages and through the API: checked by the bundle reader, version-guarded,
/// audited, and held by the review rounds as a change of targets or of results.
extension DatabaseTests {
@Suite struct IndicatorEditTests {
    static let page = "/years/440112-KX/2022/indicators"
    static let api = "/api/v1/years/440112-KX/2022/indicators"

    static func year(_ app: Application) async throws -> DepartmentYear {
        try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
    }

    static func version(_ app: Application, _ id: String) async throws -> String {
        let years = YearRepository(database: app.db)
        let organisation = try #require(try await years.organisation(code: "440112-KX"))
        let fiscal = try #require(try await years.fiscalYear(organisationID: organisation.id, year: 2022))
        return String(try await IndicatorRepository(database: app.db).versions(yearID: fiscal.id)[id] ?? 0)
    }

    @Test func aClerkAddsChangesMovesAndRemovesIndicatorsOnThePages() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            _ = try await browser.signIn(app, username: "preparer")
            try await browser.get(app, Self.page + "/new") { response in
                browser.keep(response)
                #expect(response.status == .ok && response.body.string.contains("name=\"level1\""))
            }
            let before = try await Self.year(app).indicators.count

            // Every fault at once, beside its field.
            let (invalid, form) = try await browser.post(app, Self.page + "/new", [
                "id": "i1", "level1": "投入指标", "level2": "数量指标", "name": "", "nature": "quantitative",
                "direction": ">=", "target": "12", "unit": "场", "weight": "五"])
            #expect(invalid == .unprocessableEntity)
            for field in ["id", "level1", "name", "weight"] {
                #expect(form.contains("id=\"\(field)-error\""), "\(field)")
            }

            let valid = ["id": "i12", "level1": "产出指标", "level2": "数量指标", "name": "青少年科技竞赛参赛人数",
                         "nature": "quantitative", "direction": ">=", "target": "300", "unit": "人", "weight": "0"]
            let (created, _) = try await browser.post(app, Self.page + "/new", valid)
            #expect(created == .seeOther)
            var year = try await Self.year(app)
            #expect(year.indicators.count == before + 1 && year.indicators.last?.name == "青少年科技竞赛参赛人数")

            // A vague target is kept, and the target check says so beside it.
            var edit = valid
            edit["target"] = "明显提升"
            edit["version"] = try await Self.version(app, "i12")
            #expect(try await browser.post(app, Self.page + "/i12/edit", edit).0 == .seeOther)
            try await browser.get(app, Self.page + "/i12/edit") { response in
                #expect(response.body.string.contains("目标检查："))
            }
            // A stale version is refused with the latest content.
            let (stale, latest) = try await browser.post(app, Self.page + "/i12/edit", edit)
            #expect(stale == .conflict && latest.contains("已被他人修改"))

            // Moved up one place, then removed.
            #expect(try await browser.post(app, Self.page + "/i12/move", ["offset": "-1"]).0 == .seeOther)
            year = try await Self.year(app)
            #expect(year.indicators[before - 1].id == "i12")
            #expect(try await browser.post(app, Self.page + "/i1/move", ["offset": "-1"]).0 == .conflict)
            #expect(try await browser.post(app, Self.page + "/i12/delete",
                                           ["version": try await Self.version(app, "i12")]).0 == .seeOther)
            #expect(try await Self.year(app).indicators.count == before)

            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$action ~~ "indicator.").sort(\.$sequence)
                .all().map(\.action)
            #expect(actions == ["indicator.create", "indicator.update", "indicator.move", "indicator.delete"])
            // The reviewer reads the tree but has no form.
            var reviewer = Browser()
            _ = try await reviewer.signIn(app, username: "reviewer")
            try await reviewer.get(app, Self.page + "/new") { #expect($0.status == .forbidden) }
            try await reviewer.get(app, Self.page) { #expect(!$0.body.string.contains("new-indicator")) }
        }
    }

    @Test func approvedTargetsHoldTheTreeButNotTheResultsUntilTheSelfEvaluationIsHandedIn() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let preparer = try await ReviewTests.Party.signIn(app, "preparer")
            let head = try await ReviewTests.Party.signIn(app, "head")
            let reviewer = try await ReviewTests.Party.signIn(app, "reviewer")
            func put(_ id: String, _ fields: JSONValue.Member...) async throws -> (HTTPResponseStatus, JSONValue?) {
                try await preparer.browser.api(app, .PUT, Self.api + "/\(id)", body: .object([
                    .init("version", .number(try await Self.version(app, id))), .init("indicator", .object(fields))]),
                    token: preparer.token)
            }
            let (listed, list) = try await preparer.browser.api(app, .GET, Self.api)
            guard case .array(let entries)? = list else {
                Issue.record("no list: \(listed)")
                return
            }
            #expect(entries.first?["indicator"]?["id"] == .string("i1") && entries.first?["version"] != nil)
            // Before approval the target changes directly; 10 and 10.00 are the same weight.
            let (changed, stored) = try await put("i1", .init("target", .string("42")), .init("weight", .string("10.00")))
            #expect(changed == .ok && stored?["indicator"]?["target"] == .string("42"))
            let (wrong, issues) = try await put("i1", .init("nature", .string("sometimes")))
            #expect(wrong == .unprocessableEntity && issues?["issues"] != nil)
            #expect(try await reviewer.browser.api(app, .PUT, Self.api + "/i1", body: .object([
                "version": .number("1"), "indicator": .object(["target": .string("1")])]), token: reviewer.token).0
                == .forbidden)

            for (party, action, grade) in [(preparer, "submit", nil), (head, "approve", nil), (reviewer, "approve", "优")] {
                #expect(try await party.step(app, "targets", action, grade: grade).0 == .ok)
            }
            let (held, refusal) = try await put("i1", .init("target", .string("45")))
            #expect(held == .conflict && refusal?["reason"]?.string?.contains("目标调整") == true)
            #expect(try await preparer.browser.api(app, .POST, Self.api + "/i2/move", body: .object(["offset": .number("-1")]),
                                                   token: preparer.token).0 == .conflict)
            // The results stay open until the self-evaluation is handed in; an indicator computed from the activity
            // records takes no typed actual value.
            #expect(try await put("i1", .init("actual", .string("44"))).0 == .unprocessableEntity)
            let (result, after) = try await put("i3", .init("actual", .string("11")), .init("deviation", .string("超额完成")))
            #expect(result == .ok && after?["indicator"]?["actual"] == .string("11"))
            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            #expect(try await put("i3", .init("actual", .string("12"))).0 == .conflict)
        }
    }
}
}

/// 基本情况 on its page and the stored year as the fill-in workbook.
extension DatabaseTests {
@Suite struct BasicsTests {
    static let page = "/years/440112-KX/2022/basics"

    @Test func theBasicsAreEditedWithAVersionCheckAndTheWholeYearsChecks() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            _ = try await browser.signIn(app, username: "preparer")
            var version = ""
            try await browser.get(app, Self.page) { response in
                browser.keep(response)
                let page = response.body.string
                #expect(page.contains("推进科普设施建设，完成科普大篷车展品更新"))
                if let range = page.range(of: #"name="version" value=""#) {
                    version = String(page[range.upperBound...].prefix { $0 != "\"" })
                }
            }
            let year = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
            var fields = ["overview": "区科协是党委领导下的人民团体。", "tasks": year.tasks.joined(separator: "\r\n"),
                          "goal": year.goal, "version": version]
            #expect(try await browser.post(app, Self.page, fields).0 == .seeOther)
            #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)?
                .department.overview == "区科协是党委领导下的人民团体。")
            // The same version again: someone changed it meanwhile.
            let (stale, _) = try await browser.post(app, Self.page, fields)
            #expect(stale == .conflict)
            // The work plan points at key task 5: removing it is refused with the reader's words.
            fields["version"] = String(Int(version)! + 1)
            fields["tasks"] = year.tasks.prefix(3).joined(separator: "\n")
            let (broken, page) = try await browser.post(app, Self.page, fields)
            #expect(broken == .unprocessableEntity && page.contains("workPlan["))

            // Handed-in targets hold the goal and the key tasks, not the overview.
            let preparer = try await ReviewTests.Party.signIn(app, "preparer")
            #expect(try await preparer.step(app, "targets", "submit").0 == .ok)
            fields["tasks"] = year.tasks.joined(separator: "\n")
            fields["goal"] = "新的总体目标"
            #expect(try await browser.post(app, Self.page, fields).0 == .conflict)
            fields["goal"] = year.goal
            fields["overview"] = "区科协是党委领导下的人民团体，下设办公室和学会部。"
            #expect(try await browser.post(app, Self.page, fields).0 == .seeOther)
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$action == "basics.update").count()
            #expect(actions == 2)
        }
    }

    @Test func theStoredYearDownloadsAsTheWorkbookThatReadsBackTheSame() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            _ = try await browser.signIn(app, username: "preparer")
            try await browser.get(app, "/years/440112-KX/2022") { response in
                #expect(response.body.string.contains("下载填报工作簿"))
            }
            try await browser.get(app, "/years/440112-KX/2022/workbook.xlsx") { response in
                #expect(response.status == .ok && response.headers.contentType?.subType.hasSuffix("sheet") == true)
                let read = try WorkbookImport().decode(Data(response.body.readableBytesView), file: "workbook.xlsx")
                let stored = try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)
                #expect(read == stored)
            }
        }
    }
}
}
