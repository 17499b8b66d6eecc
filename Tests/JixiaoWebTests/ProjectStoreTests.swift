import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoOffice
import JixiaoStore
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
