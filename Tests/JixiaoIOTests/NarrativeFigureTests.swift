import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoTestSupport
import Testing

/// Figures the report's text states against the data the year holds.
@Suite struct NarrativeFigureTests {
    /// Whole-year budget, spending and rate written in the narrative against the data (the seed's 864.40 万元 budget,
    /// 855.63 万元 spent, 98.99 %): to the decimals written, “约” left alone, other amounts never taken for these.
    @Test func narrativeFiguresAreCheckedAgainstTheData() throws {
        let seed = try BundleReader().read(Fixtures.seed)
        func findings(_ text: String) -> [Finding] {
            var year = seed
            year.narrative[.management] = text
            return FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year)).filter { $0.code == "NARRATIVE_FIGURE_MISMATCH" }
        }
        #expect(findings("全年预算 864.40 万元，全年支出 855.63 万元，预算执行率 98.99%。").isEmpty)
        #expect(findings("年初预算数为 860 万元，年度预算 864.4 万元，执行率达 99%，实际支出约 850 万元。").isEmpty)
        #expect(findings("科普活动项目预算 300 万元，支出 120 万元。").isEmpty)
        let wrong = findings("全年预算 865.00 万元；全年执行数 855.63 万元，预算执行率 100%；年初预算 864.40 万元。")
        #expect(wrong.count == 3)
        #expect(wrong.first?.message == "报告文字写“全年预算 865.00 万元”，数据为全年预算数 864.40 万元。")
        #expect(wrong.first?.evidence.first == "原文：全年预算 865.00 万元" && wrong.first?.subject == "narrative.management")
        #expect(wrong[2].message == "报告文字写“年初预算 864.40 万元”，数据为年初预算数 860.00 万元。")
        #expect(wrong[1].message == "报告文字写“预算执行率 100%”，数据为预算执行率 98.99%。")
    }

    /// Counts of activities the text states against the activity records of that kind (the seed holds 30 院士专家校园行,
    /// 6 科普讲坛): either order of wording the data bears out passes, a count the records do not hold is named
    /// with the records' count, audiences in 人次 are not counts of activities.
    @Test func activityCountsAreCheckedAgainstTheRecords() throws {
        let seed = try BundleReader().read(Fixtures.seed)
        func findings(_ text: String) -> [Finding] {
            var year = seed
            year.narrative[.performance] = text
            return FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year)).filter { $0.code == "NARRATIVE_FIGURE_MISMATCH" }
        }
        #expect(findings("全年开展院士专家校园行活动共 30 场，举办科普讲坛 6 期，科普讲坛受众 60000 人次。").isEmpty)
        #expect(findings("院士专家校园行约 28 场。").isEmpty)
        let wrong = findings("全年开展院士专家校园行 32 场；科普讲坛 5 次。")
        #expect(wrong.map(\.message) == ["报告文字写“院士专家校园行 32 场”，数据为活动记录中的院士专家校园行 30 场。",
                                         "报告文字写“科普讲坛 5 次”，数据为活动记录中的科普讲坛 6 场。"])
        #expect(wrong.first?.measure.contains("与活动记录保持一致") == true && wrong.first?.subject == "narrative.performance")
    }

    /// An indicator's formula and data source go through the bundle and the workbook unchanged.
    @Test func formulaAndSourceRoundTrip() throws {
        var seed = try BundleReader().read(Fixtures.seed)
        seed.indicators[10].formula = "满意人数 ÷ 受访人数 × 100%"
        seed.indicators[10].dataSource = "活动现场问卷"
        let written = BundleWriter.encode(seed)
        #expect(written["indicators"]?.serialized().contains(#""source": "活动现场问卷""#) == true)
        #expect(try BundleReader().decode(Data(written.serialized().utf8), file: "b") == seed)
        let workbook = try WorkbookExport.workbook(seed)
        #expect(try WorkbookImport().decode(workbook, file: "w.xlsx").indicators[10] == seed.indicators[10])
    }
}

