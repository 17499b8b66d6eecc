/// A problem found in a department-year, with the evidence and what to do about it.
public struct Finding: Sendable, Hashable {
    /// How much the problem weighs.
    public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
        case high
        case medium
        case low

        public var chinese: String {
            switch self {
            case .high: "严重"
            case .medium: "一般"
            case .low: "提示"
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The area of management a finding belongs to; the report groups problems and measures by it.
    public enum Theme: String, Sendable, Hashable, CaseIterable {
        case targets
        case results
        case workPlan
        case execution
        case procurement
        case assets
        /// A self-score the department's own records do not bear out.
        case selfScore
        /// Report text another department's report shares.
        case writing

        /// The problem as the report names it.
        public var problem: String {
            switch self {
            case .targets: "绩效目标设定不明确"
            case .results: "部分绩效指标未完成或缺少偏差说明"
            case .workPlan: "重点工作任务未按计划推进"
            case .execution: "预算执行进度不均衡"
            case .procurement: "政府采购程序时限执行不到位"
            case .assets: "资产数据不一致"
            case .selfScore: "部分自评结果缺少业务记录支撑"
            case .writing: "部分报告内容与其他部门雷同"
            }
        }

        /// The problem's heading in the words departments use for the findings at hand: slow payment is
        /// 项目支付进度慢, spending piled up at the year's end 支出集中在年末, or both.
        public func problem(for findings: [Finding]) -> String {
            guard self == .execution else { return problem }
            let codes = Set(findings.filter { $0.theme == .execution }.map(\.code))
            let slow = !codes.isDisjoint(with: ["PLAN_BEHIND", "MONITOR_BEHIND_PLAN", "MONITOR_BEHIND_TIME", "EXECUTION_LOW"])
            let piled = !codes.isDisjoint(with: ["SPENDING_Q4_PILED", "SPENDING_DECEMBER_PILED"])
            switch (slow, piled) {
            case (true, true): return "项目支付进度慢，支出集中在年末"
            case (true, false): return "项目支付进度慢"
            case (false, true): return "支出集中在年末"
            case (false, false): return problem
            }
        }
    }

    /// A stable identifier of the rule, e.g. `TARGET_NO_UNIT`.
    public var code: String
    public var severity: Severity
    /// Whether the finding asks for a correction (严重 or 一般), as against a hint (提示): what the year lists, the
    /// overview, the exit code of `check` and the report's problems count.
    public var needsAction: Bool { severity != .low }
    public var theme: Theme
    /// What is wrong, in words a finance clerk can act on.
    public var message: String
    /// The figures and records behind the finding.
    public var evidence: [String]
    /// The suggested improvement measure.
    public var measure: String
    /// The bundle path of the record concerned, e.g. `indicators[2]`, when there is one.
    public var subject: String?
    /// The record as a list of many such findings names it (指标“满意度”（i11）), for rules whose findings a report
    /// gathers into one line when there are several (``FindingsEngine/gatheredHeadlines``).
    public var item: String?

    public init(code: String, severity: Severity, theme: Theme, message: String, evidence: [String] = [],
                measure: String, subject: String? = nil, item: String? = nil) {
        self.item = item
        self.code = code
        self.severity = severity
        self.theme = theme
        self.message = message
        self.evidence = evidence
        self.measure = measure
        self.subject = subject
    }
}

/// The thresholds the findings rules use; the defaults follow common provincial practice, and a bureau sets its own
/// in a settings file (`JIXIAO_CHECKS`, docs/scoring.md).
public struct FindingThresholds: Sendable, Hashable {
    /// Execution below this rate is a finding.
    public var minimumExecutionRate = Rational(90, 100)
    /// A fourth-quarter share of the year's payments above this is "piled into the last quarter".
    public var maximumFourthQuarterShare = Rational(40, 100)
    /// A December share above this is "piled into December".
    public var maximumDecemberShare = Rational(25, 100)
    /// A line whose cumulative payments differ from its cumulative plan by more than this share of its
    /// annual plan at any month end spent ahead of or behind plan.
    public var planTolerance = Rational(10, 100)
    /// The procurement intention must be published at least this many days before procurement starts.
    public var intentLeadDays = 30
    /// The contract must be signed within this many days of the award.
    public var signingDays = 30
    /// The contract must be published within this many working days of signing.
    public var publicationWorkingDays = 2
    /// The contract must be filed within this many working days of signing.
    public var filingWorkingDays = 7
    /// An actual at or beyond this multiple of its target (an upper-bound or lower-bound one alike) without a
    /// deviation note is a finding: the target was set too low, or the figure is wrong.
    public var farBeyondTarget = Rational(130, 100)
    /// With at least this many indicators all at full marks, the self-evaluation is flagged as a formality.
    public var fullMarksMinimumIndicators = 5
    /// A typed on-time rate more than this many percentage points above the work plan's own is contradicted.
    public var onTimeRateTolerance = Rational(1)
    /// Two departments' passages sharing at least this estimated share of their wording are near duplicates
    /// (文字雷同).
    public var nearDuplicateSimilarity = NearDuplicates.threshold

    public init() {}
}
