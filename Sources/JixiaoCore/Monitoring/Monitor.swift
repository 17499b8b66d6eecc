/// The monitoring engine (绩效运行监控, 双监控): money against time and plan, goals against money, and a forecast of
/// the year end. Pure: the same year and date give the same report.
public enum Monitor {
    public static func report(_ year: DepartmentYear, asOf: CivilDate,
                              rules: MonitoringRules = MonitoringRules()) -> MonitoringReport {
        let daysInYear = CivilDate.isLeap(year.year) ? 366 : 365
        let start = CivilDate(year: year.year, month: 1, day: 1)!
        let elapsed = min(max(start.days(to: asOf) + 1, 0), daysInYear)
        let timeProgress = Rational(Int128(elapsed), Int128(daysInYear))
        let paid = payments(year, upTo: asOf)
        let lines = year.budgetLines.map { line in
            status(line, executed: paid[line.code] ?? .zero, asOf: asOf, timeProgress: timeProgress)
        }
        let total = MonitoringReport.LineStatus(
            code: "", name: "合计", adjusted: lines.map(\.adjusted).sum(), executed: lines.map(\.executed).sum(),
            planned: lines.contains { $0.planned != nil } ? lines.compactMap { $0.planned }.sum() : nil,
            rate: Rational.ratio(lines.map(\.executed).sum(), of: lines.map(\.adjusted).sum()),
            projected: lines.map(\.projected).sum())
        let indicators = projections(year, asOf: asOf, timeProgress: timeProgress)
        let goalProgress = indicators.isEmpty ? nil
            : indicators.map { Rational.min($0.soFar / $0.target, .one) }.sum() / Rational(indicators.count)

        // The year as it would end: projected execution per line, measured indicators at their projections.
        var projectedYear = year
        for index in projectedYear.budgetLines.indices {
            projectedYear.budgetLines[index].declaredExecuted = lines[index].projected
        }
        for projection in indicators {
            guard let index = projectedYear.indicators.firstIndex(where: { $0.id == projection.id }) else { continue }
            projectedYear.indicators[index].measure = nil
            projectedYear.indicators[index].actualText = Rounding(mode: .halfUp, places: 2).format(projection.projected)
        }
        let projected = Evaluator.evaluate(projectedYear)
        let projectedScores = indicators.map { projection in
            MonitoringReport.IndicatorProjection(
                id: projection.id, name: projection.name, target: projection.target, soFar: projection.soFar,
                projected: projection.projected, weight: projection.weight,
                projectedScore: projected.score(of: projection.id)?.score ?? .zero)
        }
        let warnings = MonitorWarnings.all(year, asOf: asOf, rules: rules, lines: lines, total: total,
                                           timeProgress: timeProgress, goalProgress: goalProgress,
                                           paidByMonthEnd: { month in payments(year, upTo: monthEnd(year.year, month)) })
        return MonitoringReport(
            asOf: asOf, timeProgress: timeProgress, lines: lines, total: total, goalProgress: goalProgress,
            warnings: warnings, indicators: projectedScores, budgetWeight: projected.budget.weight,
            projectedBudgetScore: projected.budget.score,
            budgetPointsAtRisk: projected.budget.weight - projected.budget.score,
            projectedTotal: projected.total, projectedGrade: projected.grade)
    }

    static func monthEnd(_ year: Int, _ month: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!
    }

    /// Payments of the year up to and including a date, by line.
    static func payments(_ year: DepartmentYear, upTo date: CivilDate) -> [String: Money] {
        var paid: [String: Money] = [:]
        for payment in year.payments where payment.date.year == year.year && payment.date <= date {
            paid[payment.line, default: .zero] += payment.amount
        }
        return paid
    }

    /// A line on the date, with its projection: with a plan, what is still planned is added at the pace kept so far
    /// (executed / planned to date, at most 1); without one, the execution so far is extrapolated over the year.
    /// Never beyond the budget.
    static func status(_ line: BudgetLine, executed: Money, asOf: CivilDate,
                       timeProgress: Rational) -> MonitoringReport.LineStatus {
        let planned: Money? = line.plan.isEmpty ? nil : line.plan.filter { entry in
            entry.month < asOf.month || (entry.month == asOf.month && asOf == monthEnd(asOf.year, asOf.month))
        }.map(\.amount).sum()
        let projection: Rational
        if let planned {
            let remaining = line.plan.map(\.amount).sum() - planned
            let pace = planned > .zero ? Rational.min(Rational(Int128(executed.fen), Int128(planned.fen)), .one) : .one
            projection = Rational(Int128(executed.fen)) + Rational(Int128(remaining.fen)) * pace
        } else {
            projection = timeProgress > .zero ? Rational(Int128(executed.fen)) / timeProgress : Rational(Int128(executed.fen))
        }
        let cap = Rational(Int128(max(line.adjusted.fen, executed.fen)))
        let projected = Money(fen: Int64(Rounding(mode: .halfUp, places: 0).apply(Rational.min(projection, cap)).numerator))
        return MonitoringReport.LineStatus(code: line.code, name: line.name, adjusted: line.adjusted, executed: executed,
                                           planned: planned, rate: Rational.ratio(executed, of: line.adjusted),
                                           projected: projected)
    }

    /// Measured indicators: their value from the records up to the date, extrapolated over the year.
    static func projections(_ year: DepartmentYear, asOf: CivilDate,
                            timeProgress: Rational) -> [(id: String, name: String, target: Rational, soFar: Rational,
                                                         projected: Rational, weight: Rational)] {
        let upToDate = year.activities.filter { $0.date <= asOf }
        return year.indicators.compactMap { indicator in
            guard let measure = indicator.measure, let target = indicator.target, target > .zero,
                  indicator.direction.isPositive else { return nil }
            let (soFar, _) = Measurement.value(of: measure, activities: upToDate, year: year.year)
            let projected = timeProgress > .zero ? soFar / timeProgress : soFar
            return (indicator.id, indicator.name, target, soFar, projected, indicator.weight)
        }
    }
}
