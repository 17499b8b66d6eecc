/// The scored self-evaluation of one department-year: every score with the evidence of how it was computed.
public struct Evaluation: Sendable, Hashable {
    public var templateID: String
    public var budget: BudgetScore
    /// One score per indicator, in the bundle's order.
    public var indicators: [IndicatorScore]
    /// The rounded total of the rounded scores.
    public var total: Rational
    public var grade: String

    public init(templateID: String, budget: BudgetScore, indicators: [IndicatorScore], total: Rational,
                grade: String) {
        self.templateID = templateID
        self.budget = budget
        self.indicators = indicators
        self.total = total
        self.grade = grade
    }

    /// The score of the indicator with the given id.
    public func score(of id: String) -> IndicatorScore? { indicators.first { $0.id == id } }
}

/// The budget-execution score.
public struct BudgetScore: Sendable, Hashable {
    public var totals: BudgetTotals
    /// executed / adjusted, exact; nil when the adjusted budget is zero.
    public var rate: Rational?
    public var weight: Rational
    public var score: Rational
    /// The computation written out, e.g. `10 × min(8556300.00 / 8644000.00, 1) = 9.90`.
    public var formula: String

    public init(totals: BudgetTotals, rate: Rational?, weight: Rational, score: Rational, formula: String) {
        self.totals = totals
        self.rate = rate
        self.weight = weight
        self.score = score
        self.formula = formula
    }
}

/// How an indicator's score was reached.
public enum ScoreMethod: String, Sendable, Hashable, CaseIterable {
    /// `W × min(A/T, 1)` for `>=` and `>`.
    case positive
    /// Reverse, full at or below target, zero at twice the target.
    case linearToDouble
    /// Reverse, `W × min(T/A, 1)`.
    case inverseRatio
    /// `=`: full on target, less by the relative deviation.
    case equal
    /// A qualitative grade earning the top of its band.
    case qualitative
    case tiers
    case deduction
    /// A person's score with a written reason.
    case manual
    /// No actual value or grade yet: zero points.
    case notAssessed
    /// A quantitative target that is no number: zero points until it is made concrete.
    case targetNotNumeric
}

/// Where an indicator's actual value came from.
public enum ActualSource: Sendable, Hashable {
    /// Written in the bundle.
    case given
    /// Computed from the records its measure reads (activities, or the work plan's tasks); the indices of the
    /// records that counted.
    case measured(records: [Int])
}

/// One indicator's score and its evidence.
public struct IndicatorScore: Sendable, Hashable {
    public var id: String
    public var weight: Rational
    /// The numeric actual value used, when there is one.
    public var actual: Rational?
    public var actualSource: ActualSource?
    /// The final, rounded score.
    public var score: Rational
    public var method: ScoreMethod
    /// The computation written out, e.g. `W × min(A/T, 1) = 10 × min(47/40, 1) = 10.00`.
    public var formula: String
    /// The score the rules gave before a person overrode it.
    public var computedScore: Rational?
    /// The written reason for a manual score.
    public var overrideReason: String?

    public init(id: String, weight: Rational, actual: Rational?, actualSource: ActualSource?, score: Rational,
                method: ScoreMethod, formula: String, computedScore: Rational? = nil, overrideReason: String? = nil) {
        self.id = id
        self.weight = weight
        self.actual = actual
        self.actualSource = actualSource
        self.score = score
        self.method = method
        self.formula = formula
        self.computedScore = computedScore
        self.overrideReason = overrideReason
    }

    /// Whether the indicator earned all its points.
    public var isFull: Bool { score >= weight }
}
