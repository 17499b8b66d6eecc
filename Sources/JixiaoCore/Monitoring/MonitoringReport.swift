/// Where a department-year stands on a date: money against time and plan, per line and in total, the warnings,
/// and the forecast of the year-end execution and score.
public struct MonitoringReport: Sendable, Hashable {
    /// One budget line (or the total) on the date.
    public struct LineStatus: Sendable, Hashable {
        public let code: String
        public let name: String
        public let adjusted: Money
        /// Paid up to and including the date.
        public let executed: Money
        /// Planned up to the date; nil without a monthly plan.
        public let planned: Money?
        /// executed / adjusted; nil without a budget.
        public let rate: Rational?
        /// The projected year-end execution.
        public let projected: Money
        /// How `projected` was reached.
        public let method: ForecastMethod
        public var projectedRate: Rational? { Rational.ratio(projected, of: adjusted) }
    }

    /// How a line's year-end execution is projected.
    public enum ForecastMethod: String, Sendable, Hashable {
        /// The remaining monthly plan, at the pace kept against the plan so far.
        case plan
        /// The rest of the year as last year's payments were spread, at the pace kept against that profile.
        case lastYear
        /// The execution so far extrapolated over the year.
        case linear
        /// The sum of lines (the total row).
        case sum
    }

    /// An indicator's progress on the date, reported by the department or measured from the records, with its
    /// projection and the likelihood of meeting the target.
    public struct IndicatorProjection: Sendable, Hashable {
        public enum Source: String, Sendable, Hashable {
            case reported
            case measured
        }

        public let id: String
        public let name: String
        public let weight: Rational
        public let source: Source
        /// The date of the report, or of the measurement.
        public let asOf: CivilDate
        /// The value reached, as reported or measured.
        public let soFar: String
        /// The expected year-end value, as reported or projected linearly; nil when it is not a number.
        public let projected: Rational?
        /// The reported likelihood, else judged from the projected score; nil when neither is possible.
        public let likelihood: IndicatorProgress.Likelihood?
        /// Whether `likelihood` was judged by Jixiao rather than reported.
        public let likelihoodJudged: Bool
        public let cause: IndicatorProgress.Cause?
        public let remedy: String
        /// The indicator's score in the projected year.
        public let projectedScore: Rational?
    }

    public let asOf: CivilDate
    /// 序时进度: elapsed days / days in the year.
    public let timeProgress: Rational
    public let lines: [LineStatus]
    public let total: LineStatus
    /// Share of the goal reached by the measured indicators (their average progress), when there are any.
    public let goalProgress: Rational?
    public let warnings: [Finding]
    public let indicators: [IndicatorProjection]
    /// The work plan on the date.
    public let workPlan: WorkPlanProgress
    /// The budget score the year would earn if it ended today at the year-end plan, and as projected.
    public let budgetWeight: Rational
    public let projectedBudgetScore: Rational
    /// Points the projected execution loses against full execution.
    public let budgetPointsAtRisk: Rational
    public let projectedTotal: Rational
    public let projectedGrade: String
}
