/// 自评复核的抽取: which departments the finance bureau re-checks — drawn at random with a recorded seed (so anyone
/// can replay the draw), or the riskiest first by one measure. Pure: the store gives the candidates and keeps the draw.
public enum SpotCheck {
    /// How departments are drawn.
    public enum Method: Sendable, Hashable {
        /// Shuffled by ``SeededGenerator`` from `seed`, candidates taken in code order first.
        case random(seed: UInt64)
        /// The highest risk by `measure` first; ties by code.
        case risk(RiskMeasure)

        /// How the draw is described in the record and on pages.
        public var chinese: String {
            switch self {
            case .random(let seed): "随机抽取（种子 \(seed)）"
            case .risk(let measure): "按风险抽取（\(measure.chinese)）"
            }
        }
    }

    /// What makes a department risky.
    public enum RiskMeasure: String, Sendable, Hashable, CaseIterable {
        /// The most points that no record of the year supports: indicators scored from a typed actual, a judged
        /// grade or a manual score (not computed from activity records), the gap between the self-score and what
        /// the records support.
        case unsupportedPoints
        /// The lowest budget execution rate.
        case lowestExecution
        /// The most open findings (medium and high).
        case mostFindings

        public var chinese: String {
            switch self {
            case .unsupportedPoints: "自评得分缺少记录支撑的分值最多"
            case .lowestExecution: "预算执行率最低"
            case .mostFindings: "问题最多"
            }
        }
    }

    /// A department that may be drawn, with its risk figures.
    public struct Candidate: Sendable, Hashable {
        public var code: String
        public var name: String
        /// Points of the self-score that no record supports.
        public var unsupportedPoints: Rational
        /// The budget execution rate; nil when the adjusted budget is zero.
        public var executionRate: Rational?
        public var findings: Int

        public init(code: String, name: String, unsupportedPoints: Rational, executionRate: Rational?, findings: Int) {
            self.code = code
            self.name = name
            self.unsupportedPoints = unsupportedPoints
            self.executionRate = executionRate
            self.findings = findings
        }

        /// The candidate's figure for `measure`, as a page shows it.
        public func figure(_ measure: RiskMeasure) -> String {
            switch measure {
            case .unsupportedPoints: unsupportedPoints.formatted(places: 2) + " 分"
            case .lowestExecution: executionRate.map { $0.percentString(places: 2) } ?? "—"
            case .mostFindings: "\(findings) 个"
            }
        }
    }

    /// Draws `count` of `candidates` (all of them when there are fewer). The same candidates, count and method
    /// always give the same departments in the same order, whatever order the candidates came in.
    public static func draw(_ candidates: [Candidate], count: Int, method: Method) -> [Candidate] {
        var ordered = candidates.sorted { $0.code < $1.code }
        switch method {
        case .random(let seed):
            var generator = SeededGenerator(seed: seed)
            ordered.shuffle(using: &generator)
        case .risk(let measure):
            ordered.sort { riskier($0, than: $1, by: measure) }
        }
        return Array(ordered.prefix(max(0, count)))
    }

    /// Whether `a` comes before `b` in a draw by `measure` (the code breaks ties).
    private static func riskier(_ a: Candidate, than b: Candidate, by measure: RiskMeasure) -> Bool {
        switch measure {
        case .unsupportedPoints:
            if a.unsupportedPoints != b.unsupportedPoints { return a.unsupportedPoints > b.unsupportedPoints }
        case .lowestExecution:
            // No budget to execute is no risk of slow execution: last.
            switch (a.executionRate, b.executionRate) {
            case let (x?, y?) where x != y: return x < y
            case (.some, .none): return true
            case (.none, .some): return false
            default: break
            }
        case .mostFindings:
            if a.findings != b.findings { return a.findings > b.findings }
        }
        return a.code < b.code
    }

    /// Points of an evaluation that no record supports: every indicator's score unless its actual value was
    /// computed from the year's activity records.
    public static func unsupportedPoints(_ evaluation: Evaluation) -> Rational {
        evaluation.indicators.filter { score in
            if case .measured? = score.actualSource, score.method != .manual { return false }
            return true
        }.map(\.score).sum()
    }
}
