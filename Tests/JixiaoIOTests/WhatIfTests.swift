import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoTestSupport
import Testing

/// 规则试算 from stored scoring inputs: the same scores as evaluating the whole year under the rules tried, the
/// inputs kept exactly through their JSON, and rules that do not fit a department said so instead of scored.
@Suite struct WhatIfTests {
    let catalog = TemplateCatalog.builtIn

    func years() throws -> [DepartmentYear] {
        try Fixtures.examples.map { try BundleReader().read(Fixtures.example($0)) }
    }

    /// The inputs after a trip through the snapshot's JSON.
    func stored(_ year: DepartmentYear) throws -> ScoringInputs {
        try ScoringInputsJSON.decode(ScoringInputsJSON.encode(ScoringInputs(year)).serialized())
    }

    @Test func storedInputsScoreAsTheWholeYearDoes() throws {
        for year in try years() {
            let inputs = try stored(year)
            #expect(inputs.budget == year.budgetTotals() && inputs.templateChoice == year.templateChoice)
            let whole = Evaluator.evaluate(year)
            let fromInputs = Evaluator.evaluate(inputs, template: year.template)
            #expect(fromInputs.total == whole.total && fromInputs.grade == whole.grade)
            #expect(fromInputs.indicators.map(\.score) == whole.indicators.map(\.score))
            #expect(fromInputs.indicators.map(\.actual) == whole.indicators.map(\.actual))
        }
    }

    @Test func fractionsKeepEveryDigit() {
        for value in [Rational(200, 3), Rational(-7, 12), Rational(5), .zero,
                      Rational(decimal: "123456789012345678901234567890.5")! / Rational(7)] {
            #expect(Rational(fraction: value.fractionText) == value)
        }
        #expect(Rational(200, 3).fractionText == "200/3")
        #expect(Rational(fraction: "86.5") == Rational(decimal: "86.5"))
        for bad in ["1/0", "1.5/2", "/3", "1/", "a/b", "1/2/3"] { #expect(Rational(fraction: bad) == nil) }
    }

    @Test func everyOverrideScoresAsADirectEvaluationUnderTheChangedTemplate() throws {
        let tries: [TemplateOverrides] = [
            TemplateOverrides(rounding: Rounding(mode: .truncate, places: 2)),
            TemplateOverrides(rounding: Rounding(mode: .integer, places: 0)),
            TemplateOverrides(reverse: .inverseRatio),
            TemplateOverrides(reverse: .linearToDouble),
            TemplateOverrides(qualitative: EvaluationTemplate.QualitativeBands(
                achieved: Rational(8, 10)...Rational.one, partial: Rational(5, 10)...Rational(8, 10), failed: Rational.zero...Rational(5, 10))),
        ]
        var changed = 0
        for year in try years() {
            let department = WhatIf.Department(code: year.department.code, name: year.department.name,
                                               inputs: try stored(year))
            for overrides in tries {
                let outcome = WhatIf.outcome(department, rules: .overrides(overrides), catalog: catalog.template(id:))
                var merged = year.templateChoice.overrides
                merged.rounding = overrides.rounding ?? merged.rounding
                merged.reverse = overrides.reverse ?? merged.reverse
                merged.qualitative = overrides.qualitative ?? merged.qualitative
                let direct = Evaluator.evaluate(year, template: catalog.template(id: year.templateChoice.base)!.applying(merged))
                #expect(outcome.problem == nil && outcome.after == direct.total && outcome.gradeAfter == direct.grade)
                #expect(outcome.before == Evaluator.evaluate(year).total)
                if outcome.change != .zero { changed += 1 }
            }
        }
        #expect(changed >= 5)
    }

    @Test func aLevelGivenOtherPointsTakesItsIndicatorsAlongInProportion() throws {
        let seed = try BundleReader().read(Fixtures.seed)
        let department = WhatIf.Department(code: "440112-KX", name: "科协", inputs: try stored(seed))
        // Hubei's budget weight on the national framework: 20 for the budget, 40 for 产出指标.
        let rules = try WhatIfRulesReader.decode(Data(#"{"budget":{"weight":"20"},"levels":{"产出指标":"40"}}"#.utf8),
                                                 file: "rules")
        let outcome = WhatIf.outcome(department, rules: rules, catalog: catalog.template(id:))
        #expect(outcome.rescaled == ["产出指标 50→40 分"])
        var scaled = seed
        scaled.indicators = seed.indicators.map { $0.level1 == "产出指标" ? $0.scaled(by: Rational(4, 5)) : $0 }
        var overrides = TemplateOverrides(budgetWeight: Rational(20))
        overrides.levelWeights = ["产出指标": Rational(40)]
        let direct = Evaluator.evaluate(scaled, template: catalog.template(id: "national-project-2020")!.applying(overrides))
        #expect(outcome.after == direct.total && outcome.afterText == "97.80" && outcome.changeText == "-0.10")
        #expect(WhatIfTable.row(outcome) == ["440112-KX", "科协", "97.90", "优", "97.80", "优", "-0.10", "",
                                             "指标权重按比例调整：产出指标 50→40 分"])
    }

    @Test func rulesThatDoNotFitADepartmentSaySoInsteadOfScoring() throws {
        let archives = try BundleReader().read(Fixtures.example("demo-archives-gd-2024.json"))
        let department = WhatIf.Department(code: "440100-DA-DEMO", name: "档案馆", inputs: try stored(archives))
        let project = WhatIf.outcome(department, rules: .template(catalog.template(id: "hubei-project-2020")!),
                                     catalog: catalog.template(id:))
        #expect(project.after == nil && project.problem?.contains("一级指标“履职效能”不在模板") == true)
        let heavy = WhatIf.outcome(department, rules: .overrides(TemplateOverrides(levelWeights: ["履职效能": Rational(70)])),
                                   catalog: catalog.template(id:))
        #expect(heavy.after == nil && heavy.problem == "试算规则下各级权重与预算执行权重合计 110，应为 100")
        let summary = WhatIf.Summary([project, heavy])
        #expect(summary.notApplicable == 2 && summary.changedScore == 0 && summary.changedGrade == 0)
    }

    @Test func rulesAreReadAsABundleWritesItsTemplate() throws {
        func read(_ text: String) throws -> WhatIf.Rules { try WhatIfRulesReader.decode(Data(text.utf8), file: "rules") }
        guard case .template(let hubei) = try read(#""hubei-project-2020""#) else { Issue.record("not a template"); return }
        #expect(hubei.id == "hubei-project-2020")
        guard case .template(let custom) = try read(#"{"base":"national-project-2020","reverse":"inverseRatio"}"#),
              case .overrides(let truncation) = try read(#"{"rounding":{"mode":"truncate","places":1}}"#) else {
            Issue.record("rules misread"); return
        }
        #expect(custom.id == "national-project-2020+custom" && custom.reverse == .inverseRatio)
        #expect(truncation == TemplateOverrides(rounding: Rounding(mode: .truncate, places: 1)))
        let error = try #require(throws: InputError.self) { try read(#"{"budgt":{"weight":"20"},"reverse":"up"}"#) }
        #expect(error.issues.map(\.path) == ["budgt", "reverse"])
        #expect(throws: InputError.self) { try read("{}") }
        #expect(throws: InputError.self) { try read(#""no-such-template""#) }
    }

    @Test func aSummaryCountsTheMovesBetweenGrades() {
        func outcome(_ code: String, _ before: Int, _ grade: String, _ after: Int?, _ gradeAfter: String?) -> WhatIf.Outcome {
            WhatIf.Outcome(code: code, name: code, before: Rational(before), gradeBefore: grade, after: after.map { Rational($0) },
                           gradeAfter: gradeAfter, problem: after == nil ? "不适用" : nil)
        }
        let summary = WhatIf.Summary([outcome("a", 91, "优", 89, "良"), outcome("b", 92, "优", 88, "良"),
                                      outcome("c", 80, "良", 81, "良"), outcome("d", 70, "中", 70, "中"),
                                      outcome("e", 60, "中", nil, nil)])
        #expect(summary.departments == 5 && summary.changedScore == 3 && summary.changedGrade == 2 && summary.notApplicable == 1)
        #expect(summary.moves == [WhatIf.Summary.GradeMove(from: "优", to: "良"): 2])
        #expect(summary.largestRise == Rational(1) && summary.largestFall == Rational(-4))
        #expect(WhatIfTable.sentence(summary) == "5 个部门中 3 个得分变化，2 个等级变化（优→良 2 个）；1 个部门不适用试算规则。")
    }
}

/// The bureau's 评价结果应用 rule as JSON: written and read back the same, every fault named by its path.
@Suite struct ResultUseRuleJSONTests {
    @Test func aRuleIsWrittenAndReadBack() throws {
        let rule = ResultUseRule(grades: ["优": .init(.priority), "中": .init(.cut, share: Rational(15, 100)),
                                          "差": .init(.suspend)], lateCut: Rational(1, 20), missingCut: Rational(1, 4))
        let json = ResultUseRuleJSON.encode(rule)
        #expect(try ResultUseRuleJSON.decode(json, file: "rule") == rule)
        #expect(json["grades"]?["中"]?["share"] == .string("0.15") && json["late"] == .string("0.05"))
        #expect(try ResultUseRuleJSON.decode(ResultUseRuleJSON.encode(.standard), file: "rule") == .standard)
    }

    @Test func everyFaultIsNamedByItsPath() throws {
        let text = #"{"grades": {"中": {"action": "cut", "share": "1.5"}, "良": {"action": "keep", "share": "0.1"}, "差": {"action": "stop"}}, "late": "-0.1", "missing": "0.2", "extra": 1}"#
        let error = try #require(throws: InputError.self) {
            try ResultUseRuleJSON.decode(try JSONParser.parse(Data(text.utf8)), file: "rule")
        }
        #expect(Set(error.issues.map(\.path)) == ["extra", "grades.中.share", "grades.良.share", "grades.差.action", "late"])
    }
}
