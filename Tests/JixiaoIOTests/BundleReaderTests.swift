import Foundation
import JixiaoCore
import JixiaoTestSupport
import Testing
@testable import JixiaoIO

@Suite struct BundleReaderTests {
    @Test func theSeedBundleReadsWithItsFigures() throws {
        let year = try BundleReader().read(Fixtures.seed)
        #expect(year.year == 2022)
        #expect(year.template.id == "national-project-2020")
        let totals = year.budgetTotals()
        #expect(totals.adjusted.yuanString == "8644000.00")
        #expect(totals.executed.yuanString == "8556300.00")
        #expect(year.assets?.total.wanString == "181.66")
        #expect(year.assets?.current.wanString == "2.22")
        #expect(year.assets?.nonCurrent.wanString == "179.44")
        #expect(year.activities.count == 47)
    }

    @Test("every example is valid", arguments: Fixtures.examples)
    func examplesAreValid(name: String) throws {
        _ = try BundleReader().read(Fixtures.example(name))
    }

    @Test func wanAmountsAreConvertedExactly() throws {
        let year = try BundleReader().read(Fixtures.example("demo-health-hubei-2023.json"))
        #expect(year.budgetLines[0].adjusted == Money(fen: 626_500_000))
        #expect(year.payments.first?.amount == Money(fen: 285_000_00))
    }

    @Test func numbersAndStringsAreEquallyAccepted() throws {
        let year = try read(minimal(payments: #"[{"line": "L1", "date": "2022-01-05", "amount": 12.3}]"#))
        #expect(year.payments[0].amount == Money(fen: 1230))
    }

    @Test func aBundleWithManyFaultsNamesEveryOneByItsPath() throws {
        let error = try #require(throws: InputError.self) {
            try BundleReader().read(Fixtures.fixture("bad-bundle.json"))
        }
        #expect(error.issues.map(\.description) == [
            "narative: unknown field (expected one of activities, assets, budget, department, format, goal, "
                + "indicators, moneyUnit, narrative, payments, procurements, projects, tasks, template, workPlan, year)",
            "format: \"jixiao/bundle@2\" is not \"jixiao/bundle@1\"",
            "template.rounding.mode: \"ceiling\" is not one of \"halfUp\", \"truncate\", \"integer\"",
            "department.name: is empty (expected a text)",
            "budget.lines[0].initial: \"100.001\" is not a whole number of fen (at most 2 decimals in yuan)",
            "budget.lines[0].adjusted: \"1,000\" is not an amount in yuan",
            "budget.lines[0].plan[0].month: 13 is not a whole number from 1 to 12",
            "budget.lines[1].code: \"L1\" is used by another line",
            "budget.lines[1].kind: \"other\" is not one of \"basic\", \"project\"",
            "payments[1].line: \"L9\" is not the code of a budget line",
            "payments[1].date: \"2022-13-05\" is not a date (YYYY-MM-DD)",
            "payments[1].amount: \"abc\" is not an amount in yuan",
            "payments[2].date: \"2021-12-31\" is not in 2022",
            "indicators[0].level1: \"产出\" is not a level of template national-project-2020 "
                + "(expected one of 产出指标, 效益指标, 满意度指标)",
            "indicators[0].direction: \"≥\" is not one of \">=\", \"<=\", \"=\", \">\", \"<\"",
            "indicators[0].weight: \"-5\" is negative (expected a number ≥ 0)",
            "indicators[0].actual: \"很多\" is not a number",
            "indicators[1].id: \"i1\" is used by another indicator",
            "indicators[1].scoreReason: missing (a manual score needs its written reason)",
            "indicators[1].score: 9.5 is outside the partial band 6–8",
            "indicators[2].measure: is given together with actual (expected one of them)",
            "indicators[2].rule.step: 0 is not above 0",
            "assets.nonCurrent: \"x\" is not an amount in yuan",
        ])
        #expect(error.description.hasPrefix("\(Fixtures.fixture("bad-bundle.json").path): 23 problems\n"))
        let chinese = Dictionary(error.issues.map { ($0.path, $0.chinese) }, uniquingKeysWith: { first, _ in first })
        #expect(chinese["payments[1].date"] == "“2022-13-05”不是有效日期（YYYY-MM-DD）")
        #expect(chinese["payments[1].line"] == "“L9”不是预算项目编码")
        #expect(chinese["budget.lines[0].adjusted"] == "“1,000”不是金额（元）")
        #expect(chinese["indicators[1].scoreReason"] == "未填写（人工评分必须写明理由）")
        #expect(chinese["indicators[1].score"] == "9.5 不在“部分达成”档 6–8 分之内")
    }

    @Test("single faults", arguments: [
        (#""template": "nope""#, "template: \"nope\" is not a built-in template (expected one of "
            + "department-overall-gd, hubei-project-2020, national-project-2020)"),
        (#""template": {"base": "national-project-2020", "budget": {"weight": "20"}}"#,
         "template: weights add up to 110 (levels plus budget), expected 100"),
        (#""template": {"base": "national-project-2020", "qualitative": {"achieved": ["0.9", "0.8"], "#
            + #""partial": ["0.6", "0.8"], "failed": ["0", "0.6"]}}"#,
         "template.qualitative.achieved: [0.9, 0.8] is not a band of fractions with 0 ≤ low ≤ high ≤ 1"),
        (#""moneyUnit": "jiao""#, "moneyUnit: \"jiao\" is not one of \"yuan\", \"wan\""),
        (#""year": 1999"#, "year: 1999 is not a whole number from 2000 to 2100"),
    ])
    func singleFault(replacement: String, expected: String) throws {
        let key = String(replacement.prefix { $0 != ":" })
        let text = minimal().replacingOccurrences(of: #"(?m)^  \#(key):.*$"#, with: "  " + replacement + ",",
                                                  options: .regularExpression)
        let error = try #require(throws: InputError.self) { try read(text) }
        #expect(error.issues.map(\.description) == [expected])
    }

    @Test func ruleAndMeasureFaults() throws {
        let indicators = #"""
        [{"id": "a", "level1": "产出指标", "level2": "数量指标", "name": "n", "nature": "quantitative",
          "target": "1", "unit": "场", "weight": "5", "actual": "1",
          "rule": {"type": "tiers", "tiers": [{"upTo": "2", "score": "6"}, {"upTo": "1", "score": "1"}, {"score": "0"}]}},
         {"id": "b", "level1": "产出指标", "level2": "数量指标", "name": "n", "nature": "quantitative",
          "direction": ">=", "target": "1", "unit": "场", "weight": "5", "grade": "achieved",
          "measure": {"from": "payments", "aggregate": "sum", "where": {"place": "x"}}},
         {"id": "c", "level1": "产出指标", "level2": "数量指标", "name": "n", "nature": "qualitative",
          "target": "好", "weight": "5", "scoreReason": "x", "rule": {"type": "bonus"}}]
        """#
        let error = try #require(throws: InputError.self) { try read(minimal(indicators: indicators)) }
        #expect(error.issues.map(\.description) == [
            "indicators[0].rule.tiers[0].score: 6 is above the weight 5",
            "indicators[0].rule.tiers[1].upTo: 1 is not above the previous tier's 2",
            "indicators[1].measure.from: \"payments\" is not one of \"activities\", \"workPlan\"",
            "indicators[1].measure.field: missing (expected a text)",
            "indicators[1].measure.where.place: unknown field (expected one of kind, title)",
            "indicators[1].grade: applies only to qualitative indicators (nature \"qualitative\")",
            "indicators[2].rule.type: \"bonus\" is not a rule type (expected \"tiers\" or \"deduction\")",
            "indicators[2].scoreReason: is given without a score",
        ])
    }

    /// The bundle that once stopped the server (target 1e-20, actual 10²⁰) and its neighbours: every number outside
    /// its range is refused by path, with what the range is.
    @Test func numbersOutsideTheirRangesAreRefused() throws {
        let indicators = #"""
        [{"id": "a", "level1": "产出指标", "level2": "数量指标", "name": "n", "nature": "quantitative", "direction": ">=",
          "target": "1e-20", "unit": "场", "weight": "5", "actual": "100000000000000000000"},
         {"id": "b", "level1": "产出指标", "level2": "数量指标", "name": "n", "nature": "quantitative", "direction": ">=",
          "target": "4e6", "unit": "人次", "weight": "10000", "actual": "1e40"}]
        """#
        let payments = #"[{"line": "L1", "date": "2022-01-05", "amount": "-0"}, {"line": "L1", "date": "2022-01-06", "amount": 1e5},"#
            + #" {"line": "L1", "date": "2022-01-07", "amount": "10000000000000"}, {"line": "L1", "date": "2022-01-08", "amount": "-12.50"}]"#
        let error = try #require(throws: InputError.self) { try read(minimal(payments: payments, indicators: indicators)) }
        #expect(error.issues.map(\.description) == [
            "payments[0].amount: \"-0\" is negative zero (write 0)",
            "payments[1].amount: 1e5 is written with an exponent (write the digits out, e.g. 100000)",
            "payments[2].amount: \"10000000000000\" has 14 digits before the point (at most 13)",
            "indicators[0].target: \"1e-20\" has 20 decimals (at most 6)",
            "indicators[0].actual: \"100000000000000000000\" has 21 digits before the point (at most 15)",
            "indicators[1].weight: \"10000\" has 5 digits before the point (at most 4)",
            "indicators[1].actual: \"1e40\" has 41 digits before the point (at most 15)",
        ])
        #expect(error.issues.first?.chinese == "“-0”是负零（请填写 0）")
    }

    @Test func aTextBeyondTheLimitIsRefusedByItsPath() throws {
        var text = try String(contentsOf: Fixtures.seed, encoding: .utf8)
        let goal = try #require(text.range(of: #""goal": ""#))
        text.replaceSubrange(goal, with: #""goal": ""# + String(repeating: "长", count: 20_001))
        let error = try #require(throws: InputError.self) { try BundleReader().decode(Data(text.utf8), file: "long") }
        #expect(error.issues.map(\.path) == ["goal"])
        #expect(error.issues.first?.message.hasSuffix("characters (at most 20000)") == true)
    }

    /// A tier or deduction table scores the actual value by itself; published tables leave the target out.
    @Test func ruleIndicatorsNeedNoTarget() throws {
        let indicators = #"""
        [{"id": "d", "level1": "产出指标", "level2": "数量指标", "name": "偏差率", "nature": "quantitative", "weight": "5",
          "actual": "1.03", "rule": {"type": "deduction", "direction": "<=", "bound": "1.00", "step": "0.01", "points": "0.5"}},
         {"id": "t", "level1": "产出指标", "level2": "数量指标", "name": "差错率", "nature": "quantitative", "weight": "8",
          "actual": "0.05", "rule": {"type": "tiers", "tiers": [{"upTo": "0", "score": "8"}, {"upTo": "0.10", "score": "6"}, {"score": "0"}]}}]
        """#
        let year = try read(minimal(indicators: indicators))
        #expect(year.indicators.map(\.targetText) == ["", ""])
        #expect(year.indicators.map(\.statedTarget) == ["≤ 1，每超 0.01 扣 0.5 分", "≤0 得 8 分；≤0.1 得 6 分；其余得 0 分"])
        let scores = Evaluator.evaluate(year).indicators
        #expect(scores.map(\.score) == [Rational(decimal: "3.5")!, Rational(6)])
        #expect(!FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year)).contains { $0.code == "TARGET_NO_NUMBER" })
        #expect(try BundleReader().decode(BundleWriter.encode(year), file: "again").indicators == year.indicators)
    }

    @Test func remainingCrossReferenceAndShapeFaults() throws {
        let text = minimal(indicators: #"""
        [{"id": "a", "level1": "产出指标", "level2": "满意度", "name": "n", "nature": "quantitative", "direction": "=",
          "target": "1", "unit": "场", "weight": "5", "actual": "1",
          "rule": {"type": "deduction", "direction": "=", "bound": "1", "step": "1", "points": "1"}},
         {"id": "b", "level1": "产出指标", "level2": "数量指标", "name": "n", "nature": "quantitative", "direction": ">=",
          "target": "1", "unit": "场", "weight": "5", "actual": "1",
          "rule": {"type": "tiers", "tiers": [{"score": "1"}, {"upTo": "3", "score": "2"}, {"score": "0"}]}},
         {"id": "c", "level1": "产出指标", "level2": "数量指标", "name": "n", "nature": "qualitative", "target": "好",
          "weight": "5", "score": "6", "scoreReason": "x"}]
        """#).replacingOccurrences(of: #""payments": [],"#, with: #"""
          "payments": [],
          "activities": [{"date": "2022-01-01", "title": "t", "audience": "many"}],
          "procurements": [{"name": "p", "line": "L7", "amount": "1"}],
          "narrative": {"summary": "x"},
        """#).replacingOccurrences(of: #""adjusted": "100"}"#,
                                   with: #""adjusted": "100", "plan": [{"month": 3, "amount": "1"}, {"month": 3, "amount": "2"}]}"#)
        let error = try #require(throws: InputError.self) { try read(text) }
        #expect(error.issues.map(\.description) == [
            "budget.lines[0].plan[1].month: month 3 is given twice",
            "activities[0].audience: \"many\" is not a number",
            "indicators[0].level2: \"满意度\" is not under 产出指标 in template national-project-2020 "
                + "(expected one of 数量指标, 质量指标, 时效指标, 成本指标)",
            "indicators[0].rule.direction: \"=\" is not \"<=\" or \">=\"",
            "indicators[1].rule.tiers[0].upTo: missing (only the last tier may leave upTo out)",
            "indicators[2].score: 6 is above the weight 5",
            "procurements[0].line: \"L7\" is not the code of a budget line",
            "narrative.summary: unknown field (expected one of assets, management, measures, performance, problems, "
                + "procurement)",
        ])
    }

    @Test("a manual score must lie inside the grade's band", arguments: [
        ("6", true), ("8", true), ("5.99", false), ("8.01", false),
    ])
    func manualScoreBandEdges(score: String, accepted: Bool) throws {
        let text = minimal(indicators: """
        [{"id": "q", "level1": "效益指标", "level2": "社会效益指标", "name": "n", "nature": "qualitative",
          "target": "提升", "weight": "10", "grade": "partial", "score": "\(score)", "scoreReason": "复核"}]
        """)
        if accepted {
            #expect(try read(text).indicators[0].manualScore?.score == Rational(decimal: score))
        } else {
            let error = try #require(throws: InputError.self) { try read(text) }
            #expect(error.issues.map(\.description) == ["indicators[0].score: \(score) is outside the partial band 6–8"])
        }
    }

    @Test func invalidJSONIsReportedWithItsPosition() throws {
        let error = try #require(throws: InputError.self) { try read("{\n  \"year\": 2022,\n}") }
        #expect(error.issues.map(\.description) == ["not valid JSON: line 3, column 1: expected a member name in double quotes"])
    }

    @Test func aMissingFileIsAnInputError() throws {
        let error = try #require(throws: InputError.self) {
            try BundleReader().read(URL(fileURLWithPath: "/nonexistent/bundle.json"))
        }
        #expect(error.issues.first?.message.hasPrefix("cannot be read") == true)
    }

    // MARK: helpers

    private func read(_ text: String) throws -> DepartmentYear {
        try BundleReader().decode(Data(text.utf8), file: "test.json")
    }

    @Test func workPlanAndProgressFaultsAreNamedByPath() throws {
        let text = minimal(indicators: #"""
        [{"id": "a", "level1": "产出指标", "level2": "数量指标", "name": "n", "nature": "quantitative", "direction": ">=",
          "target": "10", "unit": "场", "weight": "5",
          "progress": [{"asOf": "2022-06-30", "actual": "很多", "likelihood": "possible"},
                       {"asOf": "2022-06-30", "actual": "4", "likelihood": "certain", "cause": "weather"},
                       {"asOf": "2021-12-31", "actual": "1", "likelihood": "maybe"}]}]
        """#).replacingOccurrences(of: #""payments": [],"#, with: #"""
          "payments": [],
          "tasks": ["唯一的重点任务"],
          "workPlan": [
            {"id": "t1", "keyTask": 2, "title": "任务", "start": "2022-05-01", "due": "2022-04-30", "indicators": ["z"],
             "lines": ["L9"], "plannedPayments": [{"line": "L8", "month": 13, "amount": "1"}], "status": "done",
             "progress": "0.5"},
            {"id": "t1", "title": "任务", "start": "2022-05-01", "due": "2022-06-30", "status": "notStarted",
             "progress": "1.5", "completed": "2022-04-01"}],
        """#)
        let error = try #require(throws: InputError.self) { try read(text) }
        #expect(error.issues.map(\.description) == [
            "indicators[0].progress[0].actual: \"很多\" is not a number",
            "indicators[0].progress[0].cause: missing (expected one of \"funding\", \"institution\", \"staffing\", "
                + "\"hardware\", \"other\")",
            "indicators[0].progress[0].remedy: missing (expected a text)",
            "indicators[0].progress[1].asOf: progress on 2022-06-30 is reported twice",
            "indicators[0].progress[1].cause: \"weather\" is not one of \"funding\", \"institution\", \"staffing\", "
                + "\"hardware\", \"other\"",
            "indicators[0].progress[2].asOf: \"2021-12-31\" is not in 2022",
            "indicators[0].progress[2].likelihood: \"maybe\" is not one of \"certain\", \"possible\", \"impossible\"",
            "workPlan[0].keyTask: 2 is not a whole number from 1 to 1",
            "workPlan[0].due: \"2022-04-30\" is before the start 2022-05-01",
            "workPlan[0].indicators[0]: \"z\" is not the id of an indicator",
            "workPlan[0].lines[0]: \"L9\" is not the code of a budget line",
            "workPlan[0].plannedPayments[0].line: \"L8\" is not the code of a budget line",
            "workPlan[0].plannedPayments[0].month: 13 is not a whole number from 1 to 12",
            "workPlan[0].progress: is 0.5 but the status is done (expected 1)",
            "workPlan[1].id: \"t1\" is used by another task",
            "workPlan[1].progress: 1.5 is above 1 (a share: 0.6 means 60 %)",
            "workPlan[1].progress: is 1.5 but the status is notStarted (expected 0)",
            "workPlan[1].completed: is given but the status is notStarted (expected done)",
            "workPlan[1].completed: \"2022-04-01\" is before the start 2022-05-01",
        ])
        #expect(error.issues.first { $0.path == "workPlan[1].completed" }?.chinese == "已填写，但状态不是已完成")
    }

    private func minimal(payments: String = "[]", indicators: String = "[]") -> String {
        """
        {
          "format": "jixiao/bundle@1",
          "year": 2022,
          "template": "national-project-2020",
          "moneyUnit": "yuan",
          "department": {"code": "T", "name": "测试单位"},
          "budget": {"lines": [{"code": "L1", "name": "项目", "kind": "project", "initial": "100", "adjusted": "100"}]},
          "payments": \(payments),
          "indicators": \(indicators)
        }
        """
    }
}

@Suite struct BundleWriterTests {
    @Test("writing and reading back gives the same year", arguments: Fixtures.examples)
    func roundTrip(name: String) throws {
        let original = try BundleReader().read(Fixtures.example(name))
        let written = BundleWriter.encode(original).serialized()
        let reread = try BundleReader().decode(Data(written.utf8), file: name)
        #expect(reread == original)
        #expect(BundleWriter.encode(reread).serialized() == written)
    }

    @Test func theMoneyUnitAndTemplateOverridesSurvive() throws {
        let hubei = try BundleReader().read(Fixtures.example("demo-health-hubei-2023.json"))
        let text = BundleWriter.encode(hubei).serialized()
        #expect(text.contains(#""moneyUnit": "wan""#) && text.contains(#""adjusted": "626.50""#))
        let archives = try BundleReader().read(Fixtures.example("demo-archives-gd-2024.json"))
        #expect(archives.templateChoice.base == "department-overall-gd")
        #expect(archives.templateChoice.overrides.rounding == Rounding(mode: .truncate, places: 2))
        #expect(BundleWriter.template(archives.templateChoice)["base"] == .string("department-overall-gd"))
    }
}
