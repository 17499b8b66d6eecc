import Fluent
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
    /// A year's projects and its lines' funding sources kept by the store; the projects on the pages and the API.
    @Suite struct ProjectStoreTests {
        @Test func projectsAreListedShownAndDownloadedWithTheirTables() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let base = "/years/440112-KX/2022"
                try await browser.get(app, base) { response in
                    let page = response.body.string
                    #expect(page.contains("项目（3 个）") && page.contains(#"href="\#(base)/projects/P02">P02 科普大篷车展品更新</a>"#))
                    #expect(page.contains(#"href="\#(base)/projects/P03">P03 院士工作站及科创服务</a>"#))
                }
                try await browser.get(app, base + "/projects/P02") { response in
                    let page = response.body.string
                    #expect(response.status == .ok && page.contains("项目：科普大篷车展品更新（P02）"))
                    #expect(page.contains(#"<div class="figure" id="rate">98.02%</div>"#))
                    #expect(page.contains("更新展品件数") && page.contains("展品更新完成，巡展12场，受众约2.4万人次。"))
                    #expect(page.contains(#"href="\#(base)/projects/P02/table.docx""#))
                    // Its work plan: the tasks on its line, t4 finished 50 days late.
                    #expect(page.contains(#"<a href="\#(base)/workplan#task-t4">科普大篷车展品制作、验收和付款</a>"#))
                }
                try await browser.get(app, base + "/projects/P02/table.xlsx") { response in
                    #expect(response.status == .ok && response.headers.contentType == Download.xlsx)
                }
                try await browser.get(app, base + "/projects/all/table.xlsx") { response in
                    let parts = try PackageReader().parts(of: Data(response.body.readableBytesView))
                    #expect(parts["xl/worksheets/sheet3.xml"] != nil)
                }
                try await browser.get(app, base + "/projects/P09") { #expect($0.status == .notFound) }
                try await browser.get(app, base + "/monitoring?asOf=2022-06-30") { response in
                    let page = response.body.string
                    #expect(page.contains("项目监控（3 个项目）") && page.contains(#"<tr id="project-P02">"#))
                    #expect(page.contains(#"<a href="\#(base)/projects/P02">项目“科普大篷车展品更新”（P02）："#))
                }
                let (status, projects) = try await browser.api(app, .GET, "/api/v1" + base + "/projects")
                #expect(status == .ok)
                if case .array(let list)? = projects?["projects"] {
                    #expect(list.map { $0["code"]?.string } == ["P01", "P02", "P03"])
                    #expect(list[1]["evaluation"]?["budget"]?["rate"] == .string("0.9802"))
                    #expect(list[2]["evaluation"]?["budget"]?["weight"] == .string("20"))
                }
                // Changed as a list under its digest: P03 removed, P01 renamed; a basic line refused by its path.
                let token = try await browser.apiToken(app)
                guard case .string(let digest)? = projects?["digest"],
                      case .array(let list)? = projects?["projects"] else { Issue.record("no list"); return }
                let renamed = list[0].removing("evaluation").setting("name", to: .string("科普活动"))
                let (changed, after) = try await browser.api(app, .POST, "/api/v1" + base + "/projects", body: .object([
                    "digest": .string(digest), "replace": .object(["0": renamed]), "remove": .array([.number("2")]),
                ]), token: token)
                #expect(changed == .ok)
                if case .array(let now)? = after?["projects"] {
                    #expect(now.map { $0["name"]?.string } == ["科普活动", "科普大篷车展品更新"])
                }
                #expect(try await browser.api(app, .POST, "/api/v1" + base + "/projects", body: .object([
                    "digest": .string(digest), "remove": .array([.number("0")])]), token: token).0 == .conflict)
                guard case .string(let fresh)? = after?["digest"] else { Issue.record("no digest"); return }
                let (refused, faults) = try await browser.api(app, .POST, "/api/v1" + base + "/projects", body: .object([
                    "digest": .string(fresh), "add": .array([.object(["code": .string("P04"), "name": .string("基本"),
                                                                      "lines": .array([.string("J01")])])]),
                ]), token: token)
                #expect(refused == .unprocessableEntity && faults?.serialized().contains("projects[2].lines[0]") == true)
                // 三员分立: the system administrator sees no department's projects.
                var administrator = Browser()
                try await administrator.signIn(app, username: "admin")
                try await administrator.get(app, base + "/projects/P02") { #expect($0.status == .forbidden) }
            }
        }

        @Test func paymentsAndIndicatorsAreNarrowedToAProject() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let base = "/years/440112-KX/2022"
                try await browser.get(app, base + "/payments?project=P02") { response in
                    let page = response.body.string
                    #expect(page.contains("共 3 笔，合计 568,500.00 元"), "\(page)")
                    #expect(page.contains(#"<option value="P02" selected="selected">P02 科普大篷车展品更新</option>"#))
                }
                try await browser.get(app, base + "/payments?project=P02&month=1") { response in
                    #expect(response.body.string.contains("共 0 笔"))
                }
                try await browser.get(app, base + "/indicators?project=P03") { response in
                    let page = response.body.string
                    #expect(page.contains("项目“院士工作站及科创服务”（P03）的指标，按“项目支出绩效自评（湖北）”计分。"))
                    #expect(page.contains("企业技术需求对接解决率") && !page.contains("举办科普活动场次"))
                    // A project's tree changes with its project, not through the department's indicator forms.
                    #expect(!page.contains("new-indicator") && !page.contains("/indicators/p3-1/edit"))
                }
                try await browser.get(app, base + "/indicators") { response in
                    let page = response.body.string
                    #expect(page.contains("举办科普活动场次") && !page.contains("企业技术需求对接解决率"))
                    #expect(page.contains(#"<option value="P03">P03 院士工作站及科创服务</option>"#))
                }
                try await browser.get(app, base + "/indicators?project=P09") { #expect($0.status == .notFound) }
            }
        }

        /// The digest a project form was opened on.
        private static func digest(_ page: String) -> String {
            page.firstMatch(of: /name="digest" value="([0-9a-f]+)"/).map { String($0.1) } ?? ""
        }

        @Test func projectsAreAddedChangedAndRemovedOnThePages() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let base = "/years/440112-KX/2022"
                var form = ""
                try await browser.get(app, base + "/projects/P02/edit") { response in
                    browser.keep(response)
                    form = response.body.string
                    #expect(response.status == .ok && form.contains(#"value="科普大篷车展品更新""#))
                    // A line another project holds cannot be ticked; the project's own line is ticked.
                    #expect(form.contains(#"value="X01" disabled="disabled">X01 科普活动经费（属于 P01 科普活动经费）"#))
                    #expect(form.contains(#"value="X02" checked="checked">X02"#))
                }
                let digest = Self.digest(form)
                let (saved, savedPage) = try await browser.post(app, base + "/projects/P02/edit", [
                    "digest": digest, "code": "P02", "name": "科普大篷车展品更新及巡展", "owner": "科普部",
                    "template": "national-project-2020", "lines[]": "X02", "goal": "年内完成展品更新并巡展 15 场。",
                ])
                #expect(saved == .seeOther, "\(savedPage.components(separatedBy: "<main").last ?? "")")
                try await browser.get(app, base + "/projects/P02") { response in
                    let page = response.body.string
                    #expect(page.contains("项目：科普大篷车展品更新及巡展（P02）") && page.contains("实施单位：科普部"))
                    // Its indicators are kept; what the form left empty is gone.
                    #expect(page.contains("更新展品件数") && page.contains("年内完成展品更新并巡展 15 场。"))
                }
                // The form opened before that change is stale: the latest project comes back.
                let (stale, stalePage) = try await browser.post(app, base + "/projects/P02/edit", [
                    "digest": digest, "code": "P02", "name": "旧名称", "template": "national-project-2020", "lines[]": "X02",
                ])
                #expect(stale == .conflict && stalePage.contains("已被他人修改") && stalePage.contains("科普大篷车展品更新及巡展"))
                // A line held by another project is refused beside the lines, with the reader's words.
                var fresh = ""
                try await browser.get(app, base + "/projects/new") { fresh = $0.body.string }
                let (refused, refusedPage) = try await browser.post(app, base + "/projects/new", [
                    "digest": Self.digest(fresh), "code": "P04", "name": "重复", "template": "national-project-2020",
                    "lines[]": "X01",
                ])
                #expect(refused == .unprocessableEntity && refusedPage.contains(#"id="lines-error""#))
                let (blank, blankPage) = try await browser.post(app, base + "/projects/new", [
                    "digest": Self.digest(fresh), "code": "", "name": "", "template": "national-project-2020",
                ])
                #expect(blank == .unprocessableEntity && blankPage.contains("请填写项目编码") && blankPage.contains("请填写项目名称"))
                // Removed: P03 goes, and its line is free for a new project.
                let (removed, _) = try await browser.post(app, base + "/projects/P03/delete", ["digest": Self.digest(fresh)])
                #expect(removed == .seeOther)
                try await browser.get(app, base + "/projects/new") { fresh = $0.body.string }
                #expect(!fresh.contains("（属于 P03"))
                let (added, _) = try await browser.post(app, base + "/projects/new", [
                    "digest": Self.digest(fresh), "code": "P04", "name": "院士工作站", "owner": "学会部",
                    "template": "hubei-project-2020", "lines[]": "X03",
                ])
                #expect(added == .seeOther)
                try await browser.get(app, base) { response in
                    let page = response.body.string
                    #expect(page.contains("项目（3 个）") && page.contains("P04 院士工作站") && !page.contains("P03 院士"))
                }
                let audit = try await AuditEntryModel.query(on: app.db).filter(\.$action == "projects.change").count()
                #expect(audit == 3)
                // Only the department's own preparer and head change projects.
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, base + "/projects/new") { #expect($0.status == .forbidden) }
                try await reviewer.get(app, base + "/projects/P02") { response in
                    #expect(!response.body.string.contains("edit-project"))
                }
            }
        }

        @Test func projectsAndFundingSourcesAreStoredAndReadBack() async throws {
            try await TestStore.withApp { app in
                var year = try BundleReader().read(Fixtures.seed)
                year.department = Department(code: "440199-PJ", name: "项目测试科协")
                year.budgetLines[4].source = .carryover
                year.projects = [
                    Project(code: "P02", name: "科普大篷车展品更新", owner: "科普部", lines: ["X02"], template: year.template,
                            goal: "年内完成展品更新", achieved: "已完成", indicators: [
                                Indicator(id: "p2-1", level1: "产出指标", level2: "数量指标", name: "更新展品件数",
                                          nature: .quantitative, direction: .atLeast, targetText: "20", unit: "件",
                                          weight: Rational(50), actualText: "20"),
                            ]),
                    Project(code: "P03", name: "院士工作站", lines: ["X03"], template: year.template),
                ]
                let repository = YearRepository(database: app.db)
                try await repository.store(year, replacing: false, actor: "test")
                let stored = try #require(try await repository.load(code: "440199-PJ", year: 2022))
                #expect(stored.projects == year.projects)
                #expect(stored.budgetLines.map(\.source) == year.budgetLines.map(\.source))
                #expect(stored == year)
            }
        }
    }
}
