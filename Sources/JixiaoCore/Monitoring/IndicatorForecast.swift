/// Indicator progress on a date — the latest progress the department reported, else the value measured from the
/// records — projected to the year end, fed into the projected year, and judged for the likelihood of meeting the
/// target.
enum IndicatorForecast {
    /// An indicator's progress before it is scored.
    struct Entry {
        let indicator: Indicator
        let index: Int
        let source: MonitoringReport.IndicatorProjection.Source
        let asOf: CivilDate
        let soFar: String
        let projected: Rational?
        let reported: IndicatorProgress?
    }

    /// On the year's last day an indicator's year-end value (`actual` or `grade`) is final and supersedes the
    /// reports made during the year.
    static func progress(_ year: DepartmentYear, asOf: CivilDate) -> [Entry] {
        let yearEnd = asOf >= CivilDate(year: year.year, month: 12, day: 31)!
        return year.indicators.enumerated().compactMap { index, indicator in
            if yearEnd, indicator.actualText != nil || indicator.grade != nil { return nil }
            if let reported = indicator.progress(on: asOf) {
                let soFar = Rational(decimal: reported.actualText)
                let projected = reported.projectedText.flatMap { Rational(decimal: $0) }
                    ?? soFar.map { extrapolated($0, indicator, year: year.year, from: reported.asOf) }
                return Entry(indicator: indicator, index: index, source: .reported, asOf: reported.asOf,
                             soFar: reported.actualText,
                             projected: projected, reported: reported)
            }
            guard let measure = indicator.measure, indicator.target != nil, indicator.direction.isPositive else {
                return nil
            }
            let (soFar, _) = Measurement.value(of: measure, in: year, upTo: asOf)
            return Entry(indicator: indicator, index: index, source: .measured, asOf: asOf,
                         soFar: soFar.description,
                         projected: extrapolated(soFar, indicator, year: year.year, from: asOf), reported: nil)
        }
    }

    /// A count or sum grows with the year: extrapolated linearly. A rate (unit %) or a "less is better" value is
    /// expected to stay where it is.
    static func extrapolated(_ soFar: Rational, _ indicator: Indicator, year: Int, from date: CivilDate) -> Rational {
        let time = Monitor.timeProgress(year, on: date)
        guard indicator.direction.isPositive, indicator.unit != "%", time > .zero else { return soFar }
        return soFar / time
    }

    /// The year with each indicator at its projection: numbers as actual values; a qualitative indicator's
    /// reported likelihood as its grade (确定能 → achieved, 有可能 → partial, 不可能 → failed).
    static func apply(_ entries: [Entry], to year: DepartmentYear) -> DepartmentYear {
        var projected = year
        for entry in entries {
            var indicator = year.indicators[entry.index]
            if indicator.nature == .quantitative, let value = entry.projected {
                indicator.measure = nil
                indicator.actualText = Rounding(mode: .halfUp, places: 2).format(value)
            } else if indicator.nature == .qualitative, let likelihood = entry.reported?.likelihood {
                indicator.grade = switch likelihood {
                case .certain: .achieved
                case .possible: .partial
                case .impossible: .failed
                }
            } else {
                continue
            }
            indicator.manualScore = nil
            projected.indicators[entry.index] = indicator
        }
        return projected
    }

    /// The entry with its projected score; the likelihood, when not reported, judged from that score: full marks
    /// → 确定能, at least 80 % of the weight → 有可能, less → 不可能.
    static func projection(_ entry: Entry, score: Rational?) -> MonitoringReport.IndicatorProjection {
        var likelihood = entry.reported?.likelihood
        if likelihood == nil, entry.projected != nil, let score {
            likelihood = score >= entry.indicator.weight ? .certain
                : score >= entry.indicator.weight * Rational(8, 10) ? .possible : .impossible
        }
        return MonitoringReport.IndicatorProjection(
            id: entry.indicator.id, name: entry.indicator.name, weight: entry.indicator.weight, source: entry.source, asOf: entry.asOf,
            soFar: entry.soFar, projected: entry.projected, likelihood: likelihood,
            likelihoodJudged: entry.reported?.likelihood == nil && likelihood != nil,
            cause: entry.reported?.cause, remedy: entry.reported?.remedy ?? "", projectedScore: score)
    }

    /// Indicators not certain to meet their target, pointing at the indicator.
    static func warnings(_ projections: [MonitoringReport.IndicatorProjection], in year: DepartmentYear) -> [Finding] {
        projections.compactMap { projection in
            guard let likelihood = projection.likelihood, likelihood != .certain,
                  let index = year.indicators.firstIndex(where: { $0.id == projection.id }) else { return nil }
            let indicator = year.indicators[index]
            var message = "指标“\(indicator.name)”（年度指标值 \(indicator.targetText.isEmpty ? indicator.statedTarget : indicator.targetText + indicator.unit)）截至 \(projection.asOf) "
            if let projected = projection.projected {
                let places = indicator.target?.isInteger == true ? 0 : 2
                message += "完成 \(projection.soFar)\(indicator.unit)，预计全年 "
                    + "\(Rounding(mode: .halfUp, places: places).format(projected))\(indicator.unit)"
            } else {
                message += "进展：\(projection.soFar)"
            }
            message += "；完成目标可能性：\(likelihood.chinese)" + (projection.likelihoodJudged ? "（按进度推算）。" : "。")
            var evidence: [String] = []
            if let cause = projection.cause { evidence.append("偏差原因：\(cause.chinese)") }
            if !projection.remedy.isEmpty { evidence.append("改进措施：\(projection.remedy)") }
            return Finding(
                code: "MONITOR_INDICATOR_AT_RISK", severity: likelihood == .impossible ? .high : .medium,
                theme: .results, message: message, evidence: evidence,
                measure: projection.remedy.isEmpty ? "分析偏差原因，填报改进措施，必要时按程序调整绩效目标。" : projection.remedy,
                subject: "indicators[\(index)]")
        }
    }
}
