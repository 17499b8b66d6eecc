/// How in-year execution is judged: a rule set and its tolerances. Configurable per province.
public struct MonitoringRules: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Behind 序时进度 (elapsed days / days in the year) by more than the tolerance.
        case timeProportional = "time-proportional"
        /// Cumulative execution below 25 % at the end of April, 40 % June, 60 % August, 80 % October.
        case sichuan2025 = "sichuan-2025"
    }

    public var kind: Kind
    /// How far behind 序时进度 (or the plan, as a share of the budget) a line may be.
    public var tolerance: Rational
    /// How far goal progress and money progress may differ.
    public var goalMoneyGap: Rational
    /// A work-plan task due within this many days is due soon.
    public var dueSoonDays: Int

    /// Month-end checkpoints of `sichuan-2025`: by the end of the month, at least this share executed.
    public static let sichuanCheckpoints: [(month: Int, share: Rational)] = [
        (4, Rational(25, 100)), (6, Rational(40, 100)), (8, Rational(60, 100)), (10, Rational(80, 100)),
    ]

    public init(kind: Kind = .timeProportional, tolerance: Rational = Rational(10, 100),
                goalMoneyGap: Rational = Rational(10, 100), dueSoonDays: Int = 14) {
        self.kind = kind
        self.tolerance = tolerance
        self.goalMoneyGap = goalMoneyGap
        self.dueSoonDays = dueSoonDays
    }
}
