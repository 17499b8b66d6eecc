import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoOffice
import JixiaoTestSupport
import Testing
@testable import JixiaoReport

/// 项目支出绩效自评表: the ministry's rows for each of the seed's projects, as golden Word and Excel parts, landscape,
/// and every project of the department in one workbook, a sheet each.
@Suite struct ProjectTableTests {
    private let year: DepartmentYear

    init() throws {
        year = try BundleReader().read(Fixtures.seed)
    }

    /// The seed department as it would be without its projects.
    static func seedWithoutProjects() throws -> DepartmentYear {
        try BundleReader().decode(Data(try Fixtures.seedJSON().removing("projects").serialized().utf8), file: "plain")
    }

    @Test func theTableHasTheMinistrysRowsWithTheProjectsOwnFigures() throws {
        let exhibits = year.projects[1]
        let tables = ProjectTable.build(year, project: exhibits, evaluation: Evaluator.evaluate(year.year(of: exhibits)))
        let texts = tables.flatMap(\.rows).map { $0.map(\.text) }
        #expect(texts[0] == ["项目名称", "科普大篷车展品更新"])
        #expect(texts[1] == ["主管部门", year.department.name, "实施单位", "办公室"])
        #expect(texts[3].prefix(5) == ["年度资金总额", "60.00", "58.00", "56.85", "10"])
        // X02 is 上年结转 money: the 当年财政拨款 row is empty, the carry-over row holds it all.
        #expect(texts[4].prefix(4) == ["其中：当年财政拨款", "0.00", "0.00", "0.00"])
        #expect(texts[5].prefix(4) == ["上年结转资金", "60.00", "58.00", "56.85"])
        #expect(texts[7] == ["年度总体目标", "预期目标", "实际完成情况"])
        #expect(texts[9].first == "绩效指标" && texts[9].contains("偏差原因分析及改进措施"))
        #expect(texts.last?.first == "总分" && texts.last?.last?.hasPrefix("自评等级：") == true)
    }

    @Test("golden project table", arguments: ["P01", "P02", "P03"])
    func golden(code: String) throws {
        let project = try #require(year.projects.first { $0.code == code })
        let document = ProjectTable.document(year, project: project)
        #expect(document.landscape && document.title == "项目支出绩效自评表（2022年度）")
        let docx = try PackageReader().parts(of: DocxRenderer.render(document))
        let body = String(decoding: try #require(docx["word/document.xml"]), as: UTF8.self)
        #expect(body.contains(#"w:orient="landscape""#))
        #expect(try Fixtures.matchesGolden(body, named: "hp-kexie-2022.project-\(code).document.xml"))
        let xlsx = try PackageReader().parts(of: XlsxRenderer.render(document))
        let sheet = String(decoding: try #require(xlsx["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(try Fixtures.matchesGolden(sheet, named: "hp-kexie-2022.project-\(code).sheet1.xml"))
    }

    @Test func theDepartmentReportSumsUpItsProjectsAndListsThemInAnAnnex() throws {
        let evaluation = Evaluator.evaluate(year)
        let report = ReportBuilder.build(year, evaluation: evaluation,
                                         findings: FindingsEngine.findings(year, evaluation: evaluation))
        let paragraphs = report.blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block { text } else { nil }
        }
        #expect(paragraphs.contains { $0.hasPrefix("本年度实施项目 3 个") && $0.contains("“科普大篷车展品更新”执行率 98.02%") })
        guard case .table(let annex)? = report.blocks.last else { Issue.record("no annex"); return }
        #expect(annex.caption == "2022年度项目支出绩效自评情况")
        #expect(annex.rows.dropFirst().map { $0[1].text } == ["科普活动经费", "科普大篷车展品更新", "院士工作站及科创服务"])
        #expect(annex.rows[2].map(\.text) == ["2", "科普大篷车展品更新", "办公室", "58.00", "56.85", "98.02%", "93.80", "优"])
        // The department's own score table is scored as before: projects add, they do not change its method.
        let plain = try Self.seedWithoutProjects()
        #expect(evaluation == Evaluator.evaluate(plain))
    }

    @Test func theMonitoringTableHasARowPerProjectAndTheirWarnings() throws {
        let asOf = CivilDate(iso: "2022-06-30")!
        let document = MonitoringTable.build(year, report: Monitor.report(year, asOf: asOf))
        let tables = document.blocks.compactMap { block -> Table? in if case .table(let table) = block { table } else { nil } }
        let projects = try #require(tables.first { $0.caption == "项目运行情况" })
        #expect(projects.rows.dropFirst().map { $0[0].text } == ["P01 科普活动经费", "P02 科普大篷车展品更新", "P03 院士工作站及科创服务"])
        #expect(projects.rows[3][2].text == "30.00" && projects.rows[3][3].text == "30.00%")
        let paragraphs = document.blocks.compactMap { block -> String? in if case .paragraph(let text) = block { text } else { nil } }
        #expect(paragraphs.contains { $0.contains("项目“院士工作站及科创服务”（P03）：") })
        // Without projects the table is as before.
        let plain = try Self.seedWithoutProjects()
        #expect(!MonitoringTable.build(plain, report: Monitor.report(plain, asOf: asOf)).blocks.contains {
            if case .table(let table) = $0 { table.caption == "项目运行情况" } else { false }
        })
    }

    @Test func everyProjectOfTheDepartmentInOneWorkbook() throws {
        let file = try ProjectTable.workbook(year)
        #expect(file.title == "\(year.department.name)2022年度项目支出绩效自评表")
        let parts = try PackageReader().parts(of: file.data)
        let workbook = String(decoding: try #require(parts["xl/workbook.xml"]), as: UTF8.self)
        #expect(["P01 科普活动经费", "P02 科普大篷车展品更新", "P03 院士工作站及科创服务"].allSatisfy(workbook.contains))
        #expect(parts["xl/worksheets/sheet3.xml"] != nil && parts["xl/worksheets/sheet4.xml"] == nil)
    }
}
