/// A performance indicator (三级指标) with its target, actual value and scoring inputs.
public struct Indicator: Sendable, Hashable {
    /// 定量 or 定性.
    public enum Nature: String, Sendable, CaseIterable {
        case quantitative
        case qualitative

        public var chinese: String { self == .quantitative ? "定量" : "定性" }
    }

    /// How the actual value is compared with the target.
    public enum Direction: String, Sendable, CaseIterable {
        case atLeast = ">="
        case atMost = "<="
        case equal = "="
        case above = ">"
        case below = "<"

        /// Whether a larger actual value is better.
        public var isPositive: Bool { self == .atLeast || self == .above }
        /// Whether a smaller actual value is better.
        public var isReverse: Bool { self == .atMost || self == .below }

        /// The sign as documents print it.
        public var symbol: String {
            switch self {
            case .atLeast: "≥"
            case .atMost: "≤"
            case .equal: "="
            case .above: ">"
            case .below: "<"
            }
        }
    }

    /// The achievement a person judged for a qualitative indicator.
    public enum Grade: String, Sendable, CaseIterable {
        case achieved
        case partial
        case failed

        public var chinese: String {
            switch self {
            case .achieved: "达成"
            case .partial: "部分达成"
            case .failed: "未达成"
            }
        }
    }

    public var id: String
    public var level1: String
    public var level2: String
    public var name: String
    public var nature: Nature
    public var direction: Direction
    /// The target as written; for a quantitative indicator it should be a number.
    public var targetText: String
    public var unit: String
    public var weight: Rational
    /// 计算公式或评分口径: how the actual value is worked out (e.g. 满意户数 ÷ 调查户数 × 100%).
    public var formula: String
    /// 数据来源: where the actual value comes from (e.g. 第三方满意度调查报告).
    public var dataSource: String
    /// The actual value as written, when one was given.
    public var actualText: String?
    /// Computes the actual value from the year's records instead.
    public var measure: Measure?
    public var grade: Grade?
    public var rule: ScoringRule?
    /// A score set by a person, with the reason that must come with it.
    public var manualScore: ManualScore?
    /// 偏差原因分析及改进措施.
    public var deviation: String
    /// Progress reported during the year, oldest first.
    public var progress: [IndicatorProgress]

    public init(id: String, level1: String, level2: String, name: String, nature: Nature, direction: Direction,
                targetText: String, unit: String, weight: Rational, actualText: String? = nil,
                measure: Measure? = nil, grade: Grade? = nil, rule: ScoringRule? = nil,
                manualScore: ManualScore? = nil, deviation: String = "", progress: [IndicatorProgress] = [],
                formula: String = "", dataSource: String = "") {
        self.id = id
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.nature = nature
        self.direction = direction
        self.targetText = targetText
        self.unit = unit
        self.weight = weight
        self.actualText = actualText
        self.measure = measure
        self.grade = grade
        self.rule = rule
        self.manualScore = manualScore
        self.deviation = deviation
        self.progress = progress
        self.formula = formula
        self.dataSource = dataSource
    }

    /// The latest progress reported on or before a date.
    public func progress(on date: CivilDate) -> IndicatorProgress? {
        progress.filter { $0.asOf <= date }.max { $0.asOf < $1.asOf }
    }

    /// The target as a number, when it is one.
    public var target: Rational? { Rational(decimal: targetText) }

    /// The target as written, or — for a rule indicator that leaves it out, as published tables do — the rule.
    public var statedTarget: String {
        guard targetText.isEmpty, let rule else { return targetText }
        return rule.chinese(unit: unit)
    }
}

/// A score a person set, with the written reason that alone makes it acceptable.
extension Indicator {
    /// This indicator with every point it can earn multiplied by `factor`: its weight, a manual score, tier scores
    /// and deduction points. How a level's indicators follow when a what-if gives the level another weight.
    public func scaled(by factor: Rational) -> Indicator {
        var result = self
        result.weight = weight * factor
        result.manualScore = manualScore.map { ManualScore(score: $0.score * factor, reason: $0.reason) }
        switch rule {
        case .tiers(let tiers)?:
            result.rule = .tiers(tiers.map { ScoringRule.Tier(upTo: $0.upTo, score: $0.score * factor) })
        case let .deduction(direction, bound, step, points)?:
            result.rule = .deduction(direction: direction, bound: bound, step: step, points: points * factor)
        case nil:
            break
        }
        return result
    }
}

public struct ManualScore: Sendable, Hashable {
    public var score: Rational
    public var reason: String

    public init(score: Rational, reason: String) {
        self.score = score
        self.reason = reason
    }
}

/// How an indicator's actual value is computed from the year's activity records.
public struct Measure: Sendable, Hashable {
    /// The records a measure reads.
    public enum Source: String, Sendable, CaseIterable {
        case activities
        case workPlan
    }

    public enum Aggregate: String, Sendable, CaseIterable {
        /// Activities: how many match.
        case count
        /// Activities: the sum of a numeric field.
        case sum
        /// Work plan: the share of tasks done by their due date, in %.
        case onTimeRate
        /// Work plan: the share of tasks done by the year's end (or the date asked), in %.
        case doneRate

        /// The records the aggregate reads.
        public var source: Source { self == .count || self == .sum ? .activities : .workPlan }
    }

    public var aggregate: Aggregate
    /// The numeric activity field summed by `sum`.
    public var field: String?
    /// Text fields an activity must equal to be counted, e.g. `kind`.
    public var filter: [String: String]

    /// The records it reads, as its aggregate says.
    public var source: Source { aggregate.source }

    public init(aggregate: Aggregate, field: String? = nil, filter: [String: String] = [:]) {
        self.aggregate = aggregate
        self.field = field
        self.filter = filter
    }
}

/// A rule that scores an indicator's actual value instead of the direction formula.
public enum ScoringRule: Sendable, Hashable {
    /// The first tier whose `upTo` is at least the actual value gives the points; the last tier has no bound.
    case tiers([Tier])
    /// Full weight on the right side of `bound`; minus `points` per whole `step` beyond it; never below zero.
    case deduction(direction: Indicator.Direction, bound: Rational, step: Rational, points: Rational)

    /// The rule as a table prints it: `≤ 1，每超 0.01 扣 0.5 分`, `≤0 得 8 分；≤0.1 得 6 分；其余得 0 分`.
    public func chinese(unit: String) -> String {
        switch self {
        case let .deduction(direction, bound, step, points):
            return "\(direction.symbol) \(bound)\(unit)，每超 \(step)\(unit) 扣 \(points) 分"
        case .tiers(let tiers):
            return tiers.map { tier in
                (tier.upTo.map { "≤\($0)\(unit) " } ?? "其余") + "得 \(tier.score) 分"
            }.joined(separator: "；")
        }
    }

    /// One band of a tier table.
    public struct Tier: Sendable, Hashable {
        public var upTo: Rational?
        public var score: Rational

        public init(upTo: Rational?, score: Rational) {
            self.upTo = upTo
            self.score = score
        }
    }
}
