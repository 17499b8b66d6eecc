/// Scores a department-year by its evaluation template. Pure: same year, same evaluation.
public enum Evaluator {
    /// Evaluates the year under its own template.
    public static func evaluate(_ year: DepartmentYear) -> Evaluation {
        evaluate(year, template: year.template)
    }

    /// Evaluates the year under the given template.
    public static func evaluate(_ year: DepartmentYear, template: EvaluationTemplate) -> Evaluation {
        evaluate(ScoringInputs(year), template: template)
    }

    /// Evaluates a year's scoring inputs under the given template: the same evaluation as the year's own, without
    /// its records.
    public static func evaluate(_ inputs: ScoringInputs, template: EvaluationTemplate) -> Evaluation {
        let rounding = template.rounding
        let budget = budgetScore(inputs.budget, template: template)
        let indicators = inputs.entries.map { score($0, template: template) }
        let total = rounding.apply(indicators.map(\.score).sum() + budget.score)
        return Evaluation(templateID: template.id, budget: budget, indicators: indicators, total: total,
                          grade: template.grade(for: total))
    }

    /// The budget score: weight × min(executed / adjusted, 1), rounded by the template; never below 0 (refunds
    /// beyond the year's payments leave the execution negative).
    public static func budgetScore(_ totals: BudgetTotals, template: EvaluationTemplate) -> BudgetScore {
        let weight = template.budget.weight
        let rate = Rational.ratio(totals.executed, of: totals.adjusted)
        let raw = rate.map { weight * Rational.max(.zero, Rational.min($0, .one)) } ?? .zero
        let score = template.rounding.apply(raw)
        let formula = "W × min(执行数/全年预算数, 1) = \(weight) × min(\(totals.executed.yuanString)/"
            + "\(totals.adjusted.yuanString), 1) = \(template.rounding.format(score))"
        return BudgetScore(totals: totals, rate: rate, weight: weight, score: score, formula: formula)
    }

    /// One indicator's score: a manual override, a rule, the qualitative band or the direction formula.
    public static func score(_ indicator: Indicator, in year: DepartmentYear,
                             template: EvaluationTemplate) -> IndicatorScore {
        score(ScoringInputs.Entry(indicator, in: year), template: template)
    }

    /// One indicator's score from its resolved actual value.
    public static func score(_ entry: ScoringInputs.Entry, template: EvaluationTemplate) -> IndicatorScore {
        let (indicator, actual, source) = (entry.indicator, entry.actual, entry.source)
        let (raw, method, formula) = computedScore(indicator, actual: actual, template: template)
        let rounding = template.rounding
        let computed = rounding.apply(raw)
        var result = IndicatorScore(id: indicator.id, weight: indicator.weight, actual: actual, actualSource: source,
                                    score: computed, method: method,
                                    formula: formula + " = " + rounding.format(computed))
        if let manual = indicator.manualScore {
            result.score = rounding.apply(manual.score)
            result.method = .manual
            result.computedScore = computed
            result.overrideReason = manual.reason
            result.formula = "人工评分 \(rounding.format(result.score))（按规则计算为 \(rounding.format(computed))；"
                + "理由：\(manual.reason)）"
        }
        return result
    }

    private static func computedScore(_ indicator: Indicator, actual: Rational?,
                                      template: EvaluationTemplate) -> (Rational, ScoreMethod, String) {
        let weight = indicator.weight
        if indicator.nature == .qualitative, indicator.rule == nil {
            guard let grade = indicator.grade else { return (.zero, .notAssessed, "未评定等级，记 0 分") }
            let band = template.qualitative.band(for: grade)
            return (weight * band.upperBound, .qualitative,
                    "\(grade.chinese)，取档上限 \(band.upperBound) × W = \(band.upperBound) × \(weight)")
        }
        guard let actual else { return (.zero, .notAssessed, "无实际完成值，记 0 分") }
        switch indicator.rule {
        case .tiers(let tiers)?:
            let (score, text) = Formulas.tiers(tiers, actual: actual)
            return (score, .tiers, text)
        case let .deduction(direction, bound, step, points)?:
            let (score, text) = Formulas.deduction(weight: weight, actual: actual, direction: direction,
                                                   bound: bound, step: step, points: points)
            return (score, .deduction, text)
        case nil:
            break
        }
        guard let target = indicator.target else {
            return (.zero, .targetNotNumeric, "指标值“\(indicator.targetText)”不是数值，无法按公式计分，记 0 分")
        }
        if indicator.direction.isPositive {
            let (score, text) = Formulas.positive(weight: weight, actual: actual, target: target)
            return (score, .positive, text)
        }
        if indicator.direction == .equal {
            let (score, text) = Formulas.equal(weight: weight, actual: actual, target: target)
            return (score, .equal, text)
        }
        switch template.reverse {
        case .linearToDouble:
            let (score, text) = Formulas.linearToDouble(weight: weight, actual: actual, target: target)
            return (score, .linearToDouble, text)
        case .inverseRatio:
            let (score, text) = Formulas.inverseRatio(weight: weight, actual: actual, target: target)
            return (score, .inverseRatio, text)
        }
    }
}
