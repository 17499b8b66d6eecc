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
        public var projectedRate: Rational? { Rational.ratio(projected, of: adjusted) }
    }

    /// A measured indicator's progress and projection.
    public struct IndicatorProjection: Sendable, Hashable {
        public let id: String
        public let name: String
        public let target: Rational
        /// Measured from the records up to the date.
        public let soFar: Rational
        /// Linear projection to the year end.
        public let projected: Rational
        public let weight: Rational
        public let projectedScore: Rational
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
    /// The budget score the year would earn if it ended today at the year-end plan, and as projected.
    public let budgetWeight: Rational
    public let projectedBudgetScore: Rational
    /// Points the projected execution loses against full execution.
    public let budgetPointsAtRisk: Rational
    public let projectedTotal: Rational
    public let projectedGrade: String
}
