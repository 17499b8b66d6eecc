/// An indicator's progress as the department reports it at a monitoring date (绩效运行监控): the value reached, the
/// expected year-end value, whether the target will be met and, when that is not certain, why and what is done.
public struct IndicatorProgress: Sendable, Hashable {
    /// 完成目标可能性.
    public enum Likelihood: String, Sendable, CaseIterable, Comparable {
        case certain
        case possible
        case impossible

        public var chinese: String {
            switch self {
            case .certain: "确定能"
            case .possible: "有可能"
            case .impossible: "不可能"
            }
        }

        public static func < (lhs: Likelihood, rhs: Likelihood) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// 偏差原因: the kind of support that is missing.
    public enum Cause: String, Sendable, CaseIterable {
        case funding
        case institution
        case staffing
        case hardware
        case other

        public var chinese: String {
            switch self {
            case .funding: "经费保障"
            case .institution: "制度保障"
            case .staffing: "人员保障"
            case .hardware: "硬件条件保障"
            case .other: "其他"
            }
        }
    }

    public var asOf: CivilDate
    /// The value reached by `asOf`, as written (a number for a quantitative indicator).
    public var actualText: String
    /// The year-end value the department expects, as written; projected from `actual` when absent.
    public var projectedText: String?
    /// The department's judgement; judged from the projection when absent.
    public var likelihood: Likelihood?
    public var cause: Cause?
    /// 改进措施.
    public var remedy: String

    public init(asOf: CivilDate, actualText: String, projectedText: String? = nil, likelihood: Likelihood? = nil,
                cause: Cause? = nil, remedy: String = "") {
        self.asOf = asOf
        self.actualText = actualText
        self.projectedText = projectedText
        self.likelihood = likelihood
        self.cause = cause
        self.remedy = remedy
    }
}
