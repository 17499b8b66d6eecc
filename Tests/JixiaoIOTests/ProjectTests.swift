import Foundation
import JixiaoCore
import JixiaoOffice
import JixiaoTestSupport
import Testing
@testable import JixiaoIO

/// Projects inside a department's year: read and written with the bundle, checked against the year's lines and
/// indicator ids, and scored each on its own lines by its own template.
@Suite struct ProjectTests {
    /// The seed with its projects, `edit` applied to the projects.
    static func seedWithProjects(_ edit: (inout [JSONValue]) -> Void = { _ in }) throws -> JSONValue {
        let bundle = try Fixtures.seedJSON()
        guard case .array(var projects)? = bundle["projects"] else { return bundle }
        edit(&projects)
        return bundle.setting("projects", to: .array(projects))
    }

    private func read(_ bundle: JSONValue) throws -> DepartmentYear {
        try BundleReader().decode(Data(bundle.serialized().utf8), file: "projects.json")
    }

    @Test("a bundle without projects is read and written as before",
          arguments: Fixtures.examples.filter { $0 != "hp-kexie-2022.json" })
    func examplesWithoutProjects(name: String) throws {
        let year = try BundleReader().read(Fixtures.example(name))
        #expect(year.projects.isEmpty && year.budgetLines.allSatisfy { $0.source == nil })
        let written = BundleWriter.encode(year)
        #expect(written["projects"] == nil && !(written["budget"]?.serialized().contains("\"source\"") ?? true))
        #expect(try BundleReader().decode(Data(written.serialized().utf8), file: name) == year)
    }

    @Test func theSeedWithoutItsProjectsIsTheSameDepartment() throws {
        let bundle = try Fixtures.seedJSON().removing("projects")
        let alone = try read(bundle)
        let year = try read(try Fixtures.seedJSON())
        #expect(alone.projects.isEmpty && alone.indicators == year.indicators && alone.payments == year.payments)
        #expect(Evaluator.evaluate(alone) == Evaluator.evaluate(year))
    }

    @Test func projectsAreReadWrittenAndReadBackEqual() throws {
        let year = try read(try Self.seedWithProjects())
        #expect(year.projects.map(\.code) == ["P01", "P02", "P03"])
        #expect(year.projects[0].owner == "科普部" && year.projects[0].template.id == "national-project-2020")
        #expect(year.projects[0].indicators.count == 5 && year.projects[1].indicators.count == 3)
        #expect(year.projects[2].template.id == "hubei-project-2020")
        #expect(year.budgetLines[3].source == .carryover)
        #expect(try read(BundleWriter.encode(year)) == year)
        // The department's own tree and template are untouched.
        #expect(year.indicators.count == 11 && year.template.id == "national-project-2020")
    }

    @Test func projectsGoThroughTheWorkbookAndBack() throws {
        let year = try read(try Self.seedWithProjects())
        let workbook = try WorkbookExport.workbook(year)
        #expect(try WorkbookImport().decode(workbook, file: "projects.xlsx") == year)
    }

    @Test func aProjectIndicatorsFaultIsNamedByItsCellInTheWorkbook() throws {
        let year = try read(try Self.seedWithProjects())
        var sheets = WorkbookExport.sheets(year, prefillFramework: false)
        let indicators = try #require(sheets.firstIndex { $0.name == "绩效指标" })
        // The seed's 11 indicators come first, then P01's five: row 14 (index 13) is P01's first, p1-1; its weight
        // in column I. Row 19 is P02's first; give it a project no one has (所属项目, the last column).
        let project = sheets[indicators].rows[1].count - 1
        sheets[indicators].rows[13][8].value = .text("很多")
        sheets[indicators].rows[18][project].value = .text("P09")
        let data = try SpreadsheetWriter.write(sheets, title: "projects")
        let error = try #require(throws: InputError.self) { try WorkbookImport().decode(data, file: "projects.xlsx") }
        let lines = error.issues.map { "\($0.path)：\($0.chinese)" }
        #expect(lines.contains { $0.hasPrefix("绩效指标!I14（分值）：") }, "\(lines)")
        #expect(lines.contains("绩效指标!AA19（所属项目）：“P09”不是“项目”表中的项目编码"), "\(lines)")
    }

    @Test func aProjectIsScoredOnItsOwnLinesByItsOwnTemplate() throws {
        let year = try read(try Self.seedWithProjects())
        let exhibits = year.year(of: year.projects[1])
        #expect(exhibits.budgetLines.map(\.code) == ["X02"])
        #expect(exhibits.payments.allSatisfy { $0.line == "X02" } && !exhibits.payments.isEmpty)
        let evaluation = Evaluator.evaluate(exhibits)
        let line = try #require(year.budgetLines.first { $0.code == "X02" })
        let spent = exhibits.payments.map(\.amount).sum()
        #expect(evaluation.budget.rate == Rational.ratio(spent, of: line.adjusted))
        // 20/20 → 50, 12/15 → 24, 95/90 → 10; the budget's share by the template's rule.
        #expect(evaluation.indicators.map(\.score) == [Rational(50), Rational(24), Rational(10)])
        #expect(evaluation.total == evaluation.budget.score + 84)
        // A measure counts the department's activities for the project as it does for the department.
        #expect(Evaluator.evaluate(year.year(of: year.projects[0])).indicators.first?.actual == Rational(47))
        // A project is scored by its own template's weights: the Hubei template weighs the budget at 20.
        let academicians = Evaluator.evaluate(year.year(of: year.projects[2]))
        #expect(academicians.budget.weight == 20 && academicians.indicators.map(\.score) == [20, 20, 30, 10])
        // Without indicators, on its budget alone.
        let bare = try read(try Self.seedWithProjects { $0[2] = $0[2].removing("indicators") })
        let budgetOnly = Evaluator.evaluate(bare.year(of: bare.projects[2]))
        #expect(budgetOnly.indicators.isEmpty && budgetOnly.total == budgetOnly.budget.score)
    }

    @Test func aProjectsWorkPlanIsTheTasksOnItsLinesOrServingItsIndicators() throws {
        let year = try read(try Self.seedWithProjects())
        // The tasks spending from each project's line: X02's two, X03's two, X01's four.
        #expect(year.year(of: year.projects[1]).workPlan.map(\.id) == ["t3", "t4"])
        #expect(year.year(of: year.projects[2]).workPlan.map(\.id) == ["t9", "t10"])
        #expect(year.year(of: year.projects[0]).workPlan.map(\.id) == ["t1", "t5", "t7", "t8"])
        // A task serving a project's indicator belongs to it even without its lines.
        var served = year
        served.workPlan[1].indicators = ["p2-1"]
        #expect(served.year(of: served.projects[1]).workPlan.map(\.id) == ["t2", "t3", "t4"])
    }

    @Test func eachProjectsFindingsAreAttributedToIt() throws {
        let bundle = try Self.seedWithProjects { projects in
            guard case .array(var indicators)? = projects[1]["indicators"] else { return }
            indicators[0] = indicators[0].setting("target", to: .string("按计划完成"))
            projects[1] = projects[1].setting("indicators", to: .array(indicators))
        }
        let year = try read(bundle)
        let findings = FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year))
        let vague = try #require(findings.first { $0.code == "TARGET_NO_NUMBER" && $0.subject?.hasPrefix("projects") == true })
        #expect(vague.subject == "projects[1].indicators[0]")
        #expect(vague.message.hasPrefix("项目“科普大篷车展品更新”（P02）：指标“更新展品件数”（p2-1）是定量指标"))
        #expect(!findings.contains { $0.code == "PROJECT_NO_TARGETS" })
        let withoutTargets = try read(try Self.seedWithProjects { projects in
            projects[2] = projects[2].removing("indicators")
        })
        let bareFindings = FindingsEngine.findings(withoutTargets, evaluation: Evaluator.evaluate(withoutTargets))
        let bare = try #require(bareFindings.first { $0.code == "PROJECT_NO_TARGETS" })
        #expect(bare.subject == "projects[2].indicators" && bare.message.hasPrefix("项目“院士工作站及科创服务”（P03）"))
        // A project without indicators is the one finding, not one per level of its framework.
        #expect(!bareFindings.contains { $0.message.hasPrefix("项目“院士工作站及科创服务”") && $0.code != "PROJECT_NO_TARGETS" })
        // Both hold the targets back from review.
        #expect(FindingsEngine.blockingTargetFindings(year).map(\.code).contains("TARGET_NO_NUMBER"))
        #expect(FindingsEngine.blockingTargetFindings(withoutTargets).map(\.code).contains("PROJECT_NO_TARGETS"))
    }

    @Test func eachProjectIsMonitoredOnItsOwnWithItsOwnWarnings() throws {
        let year = try read(try Self.seedWithProjects())
        let projects = ProjectMonitoring.all(year, asOf: CivilDate(iso: "2022-06-30")!)
        #expect(projects.map(\.code) == ["P01", "P02", "P03"])
        let exhibits = projects[1]
        #expect(exhibits.report.total.adjusted == year.budgetLines[3].adjusted)
        // Behind 序时进度 at mid-year: warned for the project itself, not again for its line.
        let behind = try #require(exhibits.warnings.first { $0.code == "MONITOR_BEHIND_TIME" })
        #expect(behind.subject == "projects[1].budget" && behind.message.hasPrefix("项目“科普大篷车展品更新”（P02）："))
        #expect(!exhibits.warnings.contains { $0.subject?.contains("budget.lines") == true })
        // Its forecast is scored by its own template: the Hubei project template weighs the budget at 20.
        #expect(exhibits.report.budgetWeight == 10 && projects[2].report.budgetWeight == 20)
        // A measured indicator is projected for its project.
        #expect(projects[0].report.indicators.map(\.id) == ["p1-1"] && projects[2].report.indicators.isEmpty)
    }

    @Test func projectFaultsAreNamedByTheirPathAllAtOnce() throws {
        let bundle = try Self.seedWithProjects { projects in
            projects[0] = projects[0].setting("lines", to: .array([.string("J01"), .string("X09")]))
            projects[2] = projects[2].setting("code", to: .string("P02")).setting("lines", to: .array([.string("X02")]))
            projects.append(.object(["code": .string("P04"), "name": .string("重复指标"),
                                     "lines": .array([.string("X03")]), "indicators": .array([
                                         .object(["id": .string("i1"), "level1": .string("产出指标"),
                                                  "level2": .string("数量指标"), "name": .string("x"),
                                                  "nature": .string("quantitative"), "direction": .string(">="),
                                                  "target": .string("1"), "weight": .string("10"), "actual": .string("1")]),
                                     ])]))
        }
        let error = try #require(throws: InputError.self) { try read(bundle) }
        #expect(error.issues.map(\.path) == ["projects[0].lines[0]", "projects[0].lines[1]", "projects[2].code",
                                             "projects[2].lines[0]", "projects[3].indicators[0].id"])
        #expect(error.issues.map(\.chinese) == [
            "“J01”是基本支出，项目只能包含项目支出", "“X09”不是预算项目编码", "“P02”与其他项目的编码重复",
            "“X02”已属于项目 P02", "“i1”与本年度其他指标的编号重复",
        ])
        // `all` and `new` name every project and a new one on the pages and in the commands.
        let reserved = try #require(throws: InputError.self) {
            try read(try Self.seedWithProjects { $0[0] = $0[0].setting("code", to: .string("ALL")) })
        }
        #expect(reserved.issues.map(\.chinese) == ["“ALL”是保留字（all、new），请换一个项目编码"])
    }
}
