/// The monitoring engine (绩效运行监控, 双监控): money against time and plan, goals against money, the work plan, and
/// a forecast of the year end. Pure: the same year and date give the same report.
public enum Monitor {
    public static func report(_ year: DepartmentYear, asOf: CivilDate,
                              rules: MonitoringRules = MonitoringRules()) -> MonitoringReport {
        let timeProgress = timeProgress(year.year, on: asOf)
        let paid = payments(year, upTo: asOf)
        let lines = year.budgetLines.map { line in
            status(line, executed: paid[line.code] ?? .zero, asOf: asOf, timeProgress: timeProgress)
        }
        let total = MonitoringReport.LineStatus(
            code: "", name: "合计", adjusted: lines.map(\.adjusted).sum(), executed: lines.map(\.executed).sum(),
            planned: lines.contains { $0.planned != nil } ? lines.compactMap { $0.planned }.sum() : nil,
            rate: Rational.ratio(lines.map(\.executed).sum(), of: lines.map(\.adjusted).sum()),
            projected: lines.map(\.projected).sum(), method: .sum)
        let progress = IndicatorForecast.progress(year, asOf: asOf)
        let numeric = progress.compactMap { entry -> Rational? in
            guard let soFar = Rational(decimal: entry.soFar), let target = entry.indicator.target, target > .zero,
                  entry.indicator.direction.isPositive else { return nil }
            return Rational.min(soFar / target, .one)
        }
        let goalProgress = numeric.isEmpty ? nil : numeric.sum() / Rational(numeric.count)

        // The year as it would end: projected execution per line, indicators at their projections.
        var projectedYear = IndicatorForecast.apply(progress, to: year)
        for index in projectedYear.budgetLines.indices {
            projectedYear.budgetLines[index].declaredExecuted = lines[index].projected
        }
        let projected = Evaluator.evaluate(projectedYear)
        let indicators = progress.map { IndicatorForecast.projection($0, score: projected.score(of: $0.indicator.id)?.score) }
        let workPlan = WorkPlanProgress.on(year, asOf: asOf, dueSoonDays: rules.dueSoonDays)
        let warnings = MonitorWarnings.all(year, asOf: asOf, rules: rules, lines: lines, total: total,
                                           timeProgress: timeProgress, goalProgress: goalProgress,
                                           paidByMonthEnd: { month in payments(year, upTo: monthEnd(year.year, month)) })
            + IndicatorForecast.warnings(indicators, in: year)
            + WorkPlanWarnings.inYear(workPlan, tolerance: rules.tolerance) + WorkPlanWarnings.overBudget(year)
        return MonitoringReport(
            asOf: asOf, timeProgress: timeProgress, lines: lines, total: total, goalProgress: goalProgress,
            warnings: warnings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
                .map(\.element),
            indicators: indicators, workPlan: workPlan, budgetWeight: projected.budget.weight,
            projectedBudgetScore: projected.budget.score,
            budgetPointsAtRisk: projected.budget.weight - projected.budget.score,
            projectedTotal: projected.total, projectedGrade: projected.grade)
    }

    /// 序时进度 on a date: elapsed days (the date included) over the days of the year.
    public static func timeProgress(_ year: Int, on date: CivilDate) -> Rational {
        let daysInYear = CivilDate.isLeap(year) ? 366 : 365
        let elapsed = min(max(CivilDate(year: year, month: 1, day: 1)!.days(to: date) + 1, 0), daysInYear)
        return Rational(Int128(elapsed), Int128(daysInYear))
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

    /// A line on the date, with its projection. With a monthly plan, what is still planned is added at the pace kept
    /// against the plan so far (executed / planned to date, at most 1). Without one but with last year's payments,
    /// the budget is spread by last year's profile and treated as the plan. Otherwise the execution so far is
    /// extrapolated over the year. Never beyond the budget.
    static func status(_ line: BudgetLine, executed: Money, asOf: CivilDate,
                       timeProgress: Rational) -> MonitoringReport.LineStatus {
        let planned: Money? = line.plan.isEmpty ? nil : line.plan.filter { isDue($0.month, on: asOf) }.map(\.amount).sum()
        let paid = executed.fenValue
        let projection: Rational
        let method: MonitoringReport.ForecastMethod
        if let planned {
            let remaining = (line.plan.map(\.amount).sum() - planned).fenValue
            projection = atPace(paid, planned: planned.fenValue, remaining: remaining)
            method = .plan
        } else if let share = lastYearShare(line, asOf: asOf) {
            let budget = line.adjusted.fenValue
            projection = atPace(paid, planned: budget * share, remaining: budget * (.one - share))
            method = .lastYear
        } else {
            projection = timeProgress > .zero ? paid / timeProgress : paid
            method = .linear
        }
        let cap = max(line.adjusted, executed)
        let projected = Money(exactly: Rounding(mode: .halfUp, places: 0).apply(Rational.min(projection, cap.fenValue)))
            ?? cap
        return MonitoringReport.LineStatus(code: line.code, name: line.name, adjusted: line.adjusted, executed: executed,
                                           planned: planned, rate: Rational.ratio(executed, of: line.adjusted),
                                           projected: projected, method: method)
    }

    /// Paid so far plus what remains of a plan, at the pace kept against the plan so far (at most 1).
    private static func atPace(_ paid: Rational, planned: Rational, remaining: Rational) -> Rational {
        let pace = planned > .zero ? Rational.min(paid / planned, .one) : .one
        return paid + remaining * pace
    }

    /// Whether a month's plan is due by a date: the months before it, and its own month on its last day.
    public static func isDue(_ month: Int, on asOf: CivilDate) -> Bool {
        month < asOf.month || (month == asOf.month && asOf == monthEnd(asOf.year, asOf.month))
    }

    /// The share of last year's payments made by the same point of the year, when last year paid anything.
    private static func lastYearShare(_ line: BudgetLine, asOf: CivilDate) -> Rational? {
        let total = line.lastYear.map(\.amount).sum()
        guard total > .zero else { return nil }
        let toDate = line.lastYear.filter { isDue($0.month, on: asOf) }.map(\.amount).sum()
        return Rational.ratio(toDate, of: total)
    }
}
