import Foundation
import FoundationXML
import JixiaoCore
import JixiaoIO
import JixiaoOffice
import JixiaoTestSupport
import Testing
@testable import JixiaoReport

@Suite struct ReportTests {
    private func document(_ name: String) throws -> ReportDocument {
        let year = try BundleReader().read(Fixtures.example(name))
        let evaluation = Evaluator.evaluate(year)
        return ReportBuilder.build(year, evaluation: evaluation,
                                   findings: FindingsEngine.findings(year, evaluation: evaluation),
                                   date: CivilDate(year: year.year + 1, month: 3, day: 31))
    }

    /// The paragraphs under a level-2 heading, up to the next heading.
    private func section(_ heading: String, in document: ReportDocument) -> [String] {
        guard let start = document.blocks.firstIndex(of: .heading(level: 2, text: heading)) else { return [] }
        return document.blocks[(start + 1)...].prefix { if case .heading = $0 { false } else { true } }
            .compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
    }

    @Test("golden Markdown", arguments: Fixtures.examples)
    func goldenMarkdown(name: String) throws {
        let text = MarkdownRenderer.render(try document(name))
        #expect(try Fixtures.matchesGolden(text, named: name.replacingOccurrences(of: ".json", with: ".md")))
    }

    @Test("golden HTML", arguments: Fixtures.examples)
    func goldenHTML(name: String) throws {
        let text = HTMLRenderer.render(try document(name))
        #expect(try Fixtures.matchesGolden(text, named: name.replacingOccurrences(of: ".json", with: ".html")))
    }

    @Test func theMonitoringTableForJune() throws {
        let year = try BundleReader().read(Fixtures.seed)
        let report = Monitor.report(year, asOf: CivilDate(iso: "2022-06-30")!)
        let document = MonitoringTable.build(year, report: report)
        #expect(try Fixtures.matchesGolden(MarkdownRenderer.render(document), named: "hp-kexie-2022.monitor-2022-06-30.md"))
        #expect(try DocxRenderer.render(document) == DocxRenderer.render(document))
        #expect(try XlsxRenderer.render(document).count > 2_000)
        #expect(report.indicators.first { $0.id == "i5" }?.likelihood == .impossible)
        #expect(report.indicators.first { $0.id == "i1" }?.likelihood == .certain)
    }

    @Test func chartsAreWellFormedDeterministicSVG() throws {
        let year = try BundleReader().read(Fixtures.seed)
        let evaluation = Evaluator.evaluate(year)
        let charts = [Charts.cumulativeExecution(year, asOf: CivilDate(iso: "2022-06-30")!), Charts.executionByLine(year),
                      Charts.scoreByLevel(year, evaluation: evaluation),
                      Charts.workPlanTimeline(year, asOf: CivilDate(iso: "2022-12-31")!)].map(\.svg)
        for chart in charts {
            #expect(throws: Never.self) { _ = try XMLDocument(xmlString: chart) }
            #expect(chart.hasPrefix("<svg ") && chart.contains("<title>"))
        }
        #expect(charts[0] == Charts.cumulativeExecution(year, asOf: CivilDate(iso: "2022-06-30")!).svg)
        // Up to June: seven points (the origin and six months) on the red execution line.
        let executionLine = try #require(charts[0].components(separatedBy: "<polyline").last)
        #expect(executionLine.contains("stroke=\"#9b1c1c\"") && executionLine.split(separator: ",").count == 8)
        #expect(charts[1].contains("X01 科普活动经费") && charts[1].contains("98.28%"))
        #expect(charts[2].contains("效益指标") && charts[2].contains("28.00 / 30"))
        // At the year end one task is overdue (a red bar) and two were finished late (amber bars).
        #expect(charts[3].contains("少年科学院系列科普课程开发") && charts[3].contains("截至 12月31日"))
        #expect(charts[3].components(separatedBy: ##"fill="#9b1c1c"/>"##).count - 1 == 1)
        #expect(charts[3].components(separatedBy: ##"fill="#b7791f"/>"##).count - 1 == 2)
        // In mid-July the procurement task due on 30 June is overdue; nothing was finished late yet.
        let july = Charts.workPlanTimeline(year, asOf: CivilDate(iso: "2022-07-15")!).svg
        #expect(july.components(separatedBy: ##"fill="#9b1c1c"/>"##).count - 1 == 1)
        #expect(!july.contains(##"fill="#b7791f"/>"##))
    }

    @Test func theReportCarriesItsChartsAsNumberedFigures() throws {
        let report = try document("hp-kexie-2022.json")
        let captions = report.blocks.compactMap { block -> String? in
            if case .figure(_, let caption) = block { caption } else { nil }
        }
        #expect(captions == ["图1 2022 年累计支付与计划、序时进度对比", "图2 2022 年各预算项目执行率", "图3 2022 年各部分得分",
                             "图4 2022 年工作计划进度"])
        let html = HTMLRenderer.render(report)
        #expect(html.components(separatedBy: "<figure><svg ").count - 1 == 4)
        #expect(html.contains("<figcaption>图4 2022 年工作计划进度</figcaption>"))
        let parts = try PackageReader().parts(of: try DocxRenderer.render(report))
        #expect((1...4).allSatisfy { parts["word/media/chart\($0).svg"] != nil })
        let relationships = String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self)
        #expect(relationships.contains(#"Target="media/chart4.svg""#))
        let body = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(body.components(separatedBy: "<asvg:svgBlip ").count - 1 == 4)
        let types = String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self)
        #expect(types.contains(#"PartName="/word/media/chart1.svg" ContentType="image/svg+xml""#))
    }

    @Test func theSameBundleGivesTheSameBytes() throws {
        let first = try document("hp-kexie-2022.json")
        let second = try document("hp-kexie-2022.json")
        #expect(HTMLRenderer.render(first) == HTMLRenderer.render(second))
        #expect(MarkdownRenderer.render(first) == MarkdownRenderer.render(second))
    }

    @Test func theSeedReportHasTheSeedsStructure() throws {
        let report = try document("hp-kexie-2022.json")
        #expect(report.title == "广州市黄埔区科学技术协会（广州开发区科学技术协会）2022年部门整体支出绩效自评报告")
        let headings = report.blocks.compactMap { block -> String? in
            if case .heading(_, let text) = block { text } else { nil }
        }
        #expect(Array(headings.prefix(11)) == [
            "一、基本情况", "（一）部门概况", "（二）年度总体工作和重点工作任务", "（三）部门整体支出绩效目标",
            "（四）部门整体支出情况", "二、综合评价分析", "（一）履职效能分析", "（二）绩效管理", "（三）采购管理",
            "（四）资产管理", "三、存在的主要问题",
        ])
        #expect(headings.contains("四、下一步改进措施"))
        #expect(report.blocks.last.map { if case .table = $0 { true } else { false } } == true)
    }

    @Test func theSeedFiguresAppearInTheirSections() throws {
        let report = try document("hp-kexie-2022.json")
        let spending = section("（四）部门整体支出情况", in: report).joined()
        #expect(spending.contains("全年预算数 864.40 万元"))
        #expect(spending.contains("执行数 855.63 万元"))
        #expect(spending.contains("完成预算的 99%"))
        #expect(section("（四）资产管理", in: report).joined()
            .contains("资产总额 181.66 万元，其中：流动资产 2.22 万元，非流动资产 179.44 万元"))
        #expect(section("（一）履职效能分析", in: report).joined().contains("全年共开展活动 47 场"))
    }

    @Test func problemsAndMeasuresComeFromTheFindings() throws {
        let report = try document("hp-kexie-2022.json")
        let problems = section("（一）绩效目标设定不明确", in: report)
        #expect(problems.count == 3)
        #expect(problems[1].hasPrefix("2. 8 个效益、满意度类定量指标没有写明计算公式或数据来源，完成值无从核实：指标“举办“黄埔科协 FM818”科技金融路演”（i9）、"))
        #expect(section("（二）重点工作任务未按计划推进", in: report).contains { $0.contains("少年科学院系列科普课程开发") })
        // The seed's own words: slow project payments, and spending piled up at the year's end.
        #expect(section("（三）项目支付进度慢，支出集中在年末", in: report).contains { $0.contains("科普活动经费") })
        let measures = report.blocks.drop { $0 != .heading(level: 1, text: "四、下一步改进措施") }.dropFirst().first
        guard case .paragraph(let text)? = measures else {
            Issue.record("no measures paragraph")
            return
        }
        #expect(text.hasPrefix("一是对照工作计划逐项督办"))
        #expect(text.contains("是将绩效目标细化为可衡量的数值指标"))
        // The on-time rate typed at 100 % while the plan's own tasks say 70 %: the seed's self-score not borne out.
        #expect(section("（四）部分自评结果缺少业务记录支撑", in: report)
            .contains { $0.contains("“重点任务按期完成率”（i6）填报实际完成值 100%，但工作计划显示按期完成率为 70.00%") })
        #expect(text.contains("严格按照计划进度支付"))
    }

    @Test func writtenNarrativeReplacesTheDraftedProblemsAndMeasures() throws {
        let report = try document("demo-archives-gd-2024.json")
        let measures = report.blocks.drop { $0 != .heading(level: 1, text: "四、下一步改进措施") }.dropFirst().first
        #expect(measures == .paragraph("一是与设备供应商签订快速响应维保协议；二是年初排定展览计划并按季度督办。"))
    }

    @Test func theScoreTableMergesLevelsAndShowsOverrides() throws {
        let report = try document("demo-health-hubei-2023.json")
        let tables = report.blocks.compactMap { block -> Table? in if case .table(let table) = block { table } else { nil } }
        #expect(tables.count == 2)
        #expect(tables.map(\.headerRowCount) == [0, 1])
        #expect(tables.map(\.caption) == ["2023年度部门整体支出绩效自评表", ""])
        #expect(tables[0].rows[0] == [.header("部门（单位）名称", columnSpan: 2), Table.Cell("示例县卫生健康局", columnSpan: 6)])
        guard let table = tables.last else { return }
        let cells = table.rows.flatMap { $0 }
        #expect(cells.contains(.header("产出指标", rowSpan: 5)))
        #expect(cells.contains(Table.Cell("数量指标", rowSpan: 2, alignment: .center)))
        #expect(cells.contains(Table.Cell("6.00（人工）", value: .number(Rational(6), places: 2), alignment: .trailing)))
        #expect(cells.contains { $0.text.contains("理由：两家卫生院设备延期投入使用") })
        #expect(cells.contains(.number(Rational(decimal: "85.21")!, places: 2)))
        #expect(tables[0].rows[2].contains(.percent(Rational(decimal: "0.8286")!, places: 2)))
        #expect(table.grid.allSatisfy { $0.count == table.columnCount && !$0.contains(.empty) })
    }

    @Test func gridExpandsSpans() {
        let table = Table(caption: "", columnWidths: [1, 1, 1], rows: [
            [.header("A", rowSpan: 2), .header("B", columnSpan: 2)],
            [Table.Cell("c"), Table.Cell("d")],
        ])
        #expect(table.grid == [
            [.cell(.header("A", rowSpan: 2)), .cell(.header("B", columnSpan: 2)), .covered(byRow: 0, column: 1)],
            [.covered(byRow: 0, column: 0), .cell(Table.Cell("c")), .cell(Table.Cell("d"))],
        ])
    }

    @Test func renderersEscapeMarkup() {
        let document = ReportDocument(titleLines: ["a<b>"], blocks: [.paragraph("x | y & *z*")])
        #expect(HTMLRenderer.render(document).contains("<p>x | y &amp; *z*</p>"))
        #expect(HTMLRenderer.render(document).contains("<h1>a&lt;b&gt;</h1>"))
        #expect(MarkdownRenderer.render(document).contains("x \\| y & \\*z\\*"))
    }
}
