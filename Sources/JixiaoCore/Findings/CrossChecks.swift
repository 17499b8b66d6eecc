extension FindingsEngine {
    /// Self-scores checked against the department's own records, and the red flags of published re-check rubrics:
    /// an on-time rate typed higher than the work plan shows, every indicator at full marks, an actual far beyond
    /// its target with no note, a cost capped from below.
    static func crossChecks(_ year: DepartmentYear, evaluation: Evaluation, thresholds: FindingThresholds,
                            support: RecordSupport) -> [Finding] {
        var findings: [Finding] = []
        let places = year.template.rounding.places
        /// What the records make of the indicator's score, as the finding says it.
        func rescored(_ indicator: Indicator) -> (sentence: String, evidence: [String]) {
            guard let item = support.item(indicator.id) else { return ("", []) }
            let supported = item.supportedScore.formatted(places: places)
            return (item.difference.signum > 0
                        ? "按记录计分为 \(supported) 分，比自评少 \(item.difference.formatted(places: places)) 分。"
                        : "按记录计分不变（\(supported) 分）。",
                    ["自评得分 \(item.selfScore.formatted(places: places))，按记录计分 \(supported)"])
        }
        for (index, (indicator, score)) in zip(year.indicators, evaluation.indicators).enumerated() {
            let subject = "indicators[\(index)]"
            let label = "指标“\(indicator.name)”（\(indicator.id)）"
            if indicator.level2.contains("成本"), indicator.direction.isPositive {
                findings.append(Finding(
                    code: "TARGET_COST_AS_FLOOR", severity: .medium, theme: .targets,
                    message: "\(label)是成本指标，指标值却写作“\(indicator.direction.symbol)\(indicator.targetText)”，"
                        + "花得越多得分越高。",
                    evidence: ["二级指标：\(indicator.level2)", "指标值：\(indicator.direction.symbol)\(indicator.targetText)\(indicator.unit)"],
                    measure: "成本指标应设定上限（≤），按节约程度计分。", subject: subject))
            }
            let records = rescored(indicator)
            if let onTime = onTimeContradiction(indicator, score: score, in: year, tolerance: thresholds.onTimeRateTolerance) {
                findings.append(Finding(
                    code: "SELF_SCORE_CONTRADICTED", severity: .high, theme: .selfScore,
                    message: "\(label)填报实际完成值 \(indicator.actualText ?? "")%，"
                        + "但工作计划显示按期完成率为 \(onTime.rate.percentString(places: 2))"
                        + "（\(onTime.onTime)/\(onTime.tasks) 项任务按期完成）。" + records.sentence,
                    evidence: ["工作计划：\(onTime.tasks) 项任务，按期完成 \(onTime.onTime) 项"] + records.evidence
                        + onTime.missed,
                    measure: "按工作计划的完成情况如实填报实际完成值并重新计分，或补充任务完成的佐证材料。", subject: subject))
            }
            if let activities = activityContradiction(indicator, score: score, in: year) {
                findings.append(Finding(
                    code: "SELF_SCORE_CONTRADICTED", severity: .high, theme: .selfScore,
                    message: "\(label)填报实际完成值 \(indicator.actualText ?? "")\(indicator.unit)，"
                        + "但活动记录中“\(activities.kind)”只有 \(activities.count) \(indicator.unit)。" + records.sentence,
                    evidence: ["活动记录：“\(activities.kind)” \(activities.count) 条"] + records.evidence + activities.titles,
                    measure: "补录缺少的活动记录及佐证材料，或按记录如实填报实际完成值；可改为按活动记录自动计算（measure）。",
                    subject: subject))
            }
            if let ratio = beyondTarget(indicator, score: score), ratio >= thresholds.farBeyondTarget,
               indicator.deviation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                findings.append(Finding(
                    code: "RESULT_FAR_BEYOND_TARGET", severity: .medium, theme: .selfScore,
                    message: "\(label)实际完成值是目标值的 \(ratio.percentString(places: 0))，"
                        + "远超目标却没有说明原因。",
                    evidence: ["指标值：\(indicator.direction.symbol)\(indicator.targetText)\(indicator.unit)",
                               "实际完成值：\(indicator.actualText ?? "")\(indicator.unit)"],
                    measure: "说明超额完成的原因；目标明显偏低的，下一年度据实调高目标值。", subject: subject))
            }
        }
        let assessed = evaluation.indicators.filter { $0.method != .notAssessed }
        if assessed.count >= thresholds.fullMarksMinimumIndicators, assessed.count == evaluation.indicators.count,
           assessed.allSatisfy(\.isFull) {
            findings.append(Finding(
                code: "SELF_SCORE_ALL_FULL", severity: .medium, theme: .selfScore,
                message: "全部 \(assessed.count) 项绩效指标均为满分，自评可能流于形式。",
                evidence: ["满分指标：\(assessed.count)/\(evaluation.indicators.count)"],
                measure: "逐项对照佐证材料核实实际完成值，如实反映未完成和部分完成的目标。", subject: "indicators"))
        }
        return findings
    }

    /// Indicator names that state an on-time completion rate of the year's work.
    static let onTimeNames = ["按期完成率", "按时完成率", "及时完成率"]

    /// A typed on-time rate above what the work plan shows by more than `tolerance` points: the rate the plan
    /// supports (as the `onTimeRate` measure computes it) and the tasks not done on time.
    static func onTimeContradiction(_ indicator: Indicator, score: IndicatorScore, in year: DepartmentYear,
                                    tolerance: Rational) -> (rate: Rational, onTime: Int, tasks: Int, missed: [String])? {
        guard indicator.measure == nil, indicator.unit == "%", score.actualSource == .given, let typed = score.actual,
              onTimeNames.contains(where: indicator.name.contains) else { return nil }
        let tasks = Measurement.countedTasks(year)
        guard !tasks.isEmpty else { return nil }
        let (percent, onTime) = Measurement.value(of: Measure(aggregate: .onTimeRate), in: year)
        guard typed - percent > tolerance else { return nil }
        let yearEnd = CivilDate(year: year.year, month: 12, day: 31)!
        let missed = tasks.filter { !onTime.contains($0) }.map { year.workPlan[$0] }
        return (percent / 100, onTime.count, tasks.count, missed.map { task in
            task.isDone(on: yearEnd)
                ? "任务“\(task.title)”计划 \(task.due) 完成，实际 \(task.completed.map(\.description) ?? "") 完成"
                : "任务“\(task.title)”计划 \(task.due) 完成，年末未完成"
        })
    }

    /// How far an actual is beyond its target, as a multiple: actual ÷ target for a floor (≥, >), target ÷ actual
    /// for a ceiling (≤, <); nil when either is missing or not positive.
    static func beyondTarget(_ indicator: Indicator, score: IndicatorScore) -> Rational? {
        guard indicator.nature == .quantitative, indicator.rule == nil, let target = indicator.target, target > .zero,
              let actual = score.actual, actual > .zero else { return nil }
        if indicator.direction.isPositive { return actual / target }
        if indicator.direction.isReverse { return target / actual }
        return nil
    }

    /// A typed count of activities above what the year's records hold: a count indicator (a count unit, typed
    /// actual, no measure) whose name names an activity kind that has records — the kind and how many there are,
    /// with their titles as evidence (the first ten).
    static func activityContradiction(_ indicator: Indicator, score: IndicatorScore, in year: DepartmentYear)
        -> (kind: String, count: Int, titles: [String])? {
        guard indicator.measure == nil, outputUnits.contains(indicator.unit), score.actualSource == .given,
              let typed = score.actual else { return nil }
        let kinds = Set(year.activities.map(\.kind)).filter { $0.count >= 2 && indicator.name.contains($0) }
        guard let kind = kinds.max(by: { ($0.count, $1) < ($1.count, $0) }) else { return nil }
        let records = year.activities.filter { $0.kind == kind && $0.date.year == year.year }
        guard typed > Rational(Int128(records.count)) else { return nil }
        return (kind, records.count, records.prefix(10).map { "\($0.date) \($0.title)" })
    }
}

