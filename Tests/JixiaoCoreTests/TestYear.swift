@testable import JixiaoCore

/// Small department-years built in code, so the engine is tested without any file.
enum TestYear {
    static func r(_ text: String) -> Rational { Rational(decimal: text)! }
    static func yuan(_ text: String) -> Money { Money(decimal: text, unit: .yuan)! }
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// 产出 50 / 效益 30 / 满意度 10 + budget 10, half-up to 2 places, as the national template.
    static let template = EvaluationTemplate(
        id: "test", name: "测试模板", description: "",
        levels: [.init(name: "产出指标", weight: r("50"), children: ["数量指标", "质量指标"], numericChildren: ["数量指标"]),
                 .init(name: "效益指标", weight: r("30")),
                 .init(name: "满意度指标", weight: r("10"))],
        budget: .init(weight: r("10")), reverse: .linearToDouble,
        qualitative: .init(achieved: r("0.8")...r("1"), partial: r("0.6")...r("0.8"), failed: r("0")...r("0.6")),
        rounding: Rounding(mode: .halfUp, places: 2),
        grades: [.init(name: "优", minimum: r("90")), .init(name: "良", minimum: r("80")),
                 .init(name: "中", minimum: r("60")), .init(name: "差", minimum: r("0"))])

    static func indicator(_ id: String, level1: String = "产出指标", level2: String = "数量指标",
                          nature: Indicator.Nature = .quantitative, direction: Indicator.Direction = .atLeast,
                          target: String = "10", unit: String = "场", weight: String = "50", actual: String? = "10",
                          grade: Indicator.Grade? = nil, deviation: String = "") -> Indicator {
        Indicator(id: id, level1: level1, level2: level2, name: "指标\(id)", nature: nature, direction: direction,
                  targetText: target, unit: unit, weight: r(weight), actualText: actual, grade: grade,
                  deviation: deviation)
    }

    /// A benefit or satisfaction indicator with the source its value can be checked against.
    static func assessable(_ indicator: Indicator) -> Indicator {
        var indicator = indicator
        indicator.dataSource = "年度抽样调查"
        return indicator
    }

    /// A year whose weights add up and whose budget is fully spent, so each test adds only the fault it checks.
    static func make(indicators: [Indicator]? = nil, lines: [BudgetLine]? = nil, payments: [Payment] = [],
                     activities: [Activity] = [], procurements: [Procurement] = [], assets: Assets? = nil) -> DepartmentYear {
        DepartmentYear(
            year: 2022, template: template, department: Department(code: "T", name: "测试单位"),
            budgetLines: lines ?? [BudgetLine(code: "L1", name: "项目", kind: .project, initial: yuan("100"),
                                              adjusted: yuan("100"), declaredExecuted: yuan("100"))],
            payments: payments,
            indicators: indicators ?? [indicator("a"), assessable(indicator("b", level1: "效益指标", level2: "社会效益指标",
                                                                            unit: "%", weight: "30")),
                                       assessable(indicator("c", level1: "满意度指标", level2: "满意度", unit: "%", weight: "10"))],
            activities: activities, procurements: procurements, assets: assets)
    }

    static func findings(_ year: DepartmentYear) -> [Finding] {
        FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year))
    }

    static func codes(_ year: DepartmentYear) -> [String] { findings(year).map(\.code) }
}
