/// A reviewer's note pointed at the part of a department-year it concerns, given with a return: shown on the
/// pages of that part until the round is handed in again.
public struct ReviewRemark: Sendable, Hashable {
    /// The parts of a year a note can point at.
    public enum Section: String, Sendable, CaseIterable, Hashable {
        /// 绩效目标 and the indicators (one indicator when the note names it).
        case indicators
        /// 预算项目和支付计划.
        case budget
        case payments
        case workPlan
        /// 指标进度 (绩效运行监控).
        case progress
        /// 报告文字.
        case narrative

        public var chinese: String {
            switch self {
            case .indicators: "绩效指标"
            case .budget: "预算项目和支付计划"
            case .payments: "支付"
            case .workPlan: "工作计划"
            case .progress: "指标进度"
            case .narrative: "报告文字"
            }
        }
    }

    public var section: Section
    /// The indicator the note is about, for ``Section/indicators``.
    public var indicator: String?
    public var note: String

    public init(section: Section, indicator: String? = nil, note: String) {
        self.section = section
        self.indicator = section == .indicators ? indicator : nil
        self.note = note
    }
}
