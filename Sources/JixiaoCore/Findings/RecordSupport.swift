/// The score the department's own records support: every typed actual its records contradict — an on-time rate
/// above the work plan's, a count above the activity records of its kind — replaced by the records' value and the
/// year scored again, so the self-score stands beside what the data bears out, per indicator and in total.
public struct RecordSupport: Sendable, Hashable {
    /// One indicator whose typed actual the records contradict.
    public struct Item: Sendable, Hashable {
        public var indicatorID: String
        /// The actual the department typed and the one its records give.
        public var typed: Rational
        public var recorded: Rational
        public var selfScore: Rational
        public var supportedScore: Rational

        /// Points the self-score claims beyond what the records support.
        public var difference: Rational { selfScore - supportedScore }
    }

    public var items: [Item]
    public var selfTotal: Rational
    public var supportedTotal: Rational

    /// Points the self-score claims beyond what the records support, in total.
    public var difference: Rational { selfTotal - supportedTotal }

    /// The year's support, by its thresholds (``DepartmentYear/checks``).
    public init(_ year: DepartmentYear, evaluation: Evaluation) {
        var supported = year
        var contradicted: [(index: Int, typed: Rational, recorded: Rational)] = []
        for (index, (indicator, score)) in zip(year.indicators, evaluation.indicators).enumerated() {
            guard let typed = score.actual else { continue }
            let recorded: Rational? =
                FindingsEngine.onTimeContradiction(indicator, score: score, in: year,
                                                   tolerance: year.checks.onTimeRateTolerance).map { $0.rate * Rational(100) }
                ?? FindingsEngine.activityContradiction(indicator, score: score, in: year).map { Rational(Int128($0.count)) }
            guard let recorded else { continue }
            supported.indicators[index].actualText = recorded.formatted(places: 4)
            contradicted.append((index, typed, recorded))
        }
        let rescored = contradicted.isEmpty ? evaluation : Evaluator.evaluate(supported)
        items = contradicted.map { index, typed, recorded in
            Item(indicatorID: year.indicators[index].id, typed: typed, recorded: recorded,
                 selfScore: evaluation.indicators[index].score, supportedScore: rescored.indicators[index].score)
        }
        selfTotal = evaluation.total
        supportedTotal = rescored.total
    }

    /// The item of an indicator, when the records contradict it.
    public func item(_ indicatorID: String) -> Item? { items.first { $0.indicatorID == indicatorID } }
}
