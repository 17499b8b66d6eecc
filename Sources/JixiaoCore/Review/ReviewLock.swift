/// What a change of a department-year touches, so the review rounds can say whether it may be made now.
public enum ChangeKind: String, Sendable, CaseIterable, Hashable {
    /// A payment, or payments imported from a CSV: records of fact, allowed in every state.
    case payments
    /// Budget lines and their monthly plans.
    case budget
    /// Work-plan tasks.
    case workPlan
    /// The indicator tree and its targets: adding, moving or removing an indicator, or changing its name, levels,
    /// nature, direction, target, unit or weight.
    case targets
    /// An indicator's results: its actual value and the cause of a deviation.
    case results
    /// Evidence (佐证材料) attached to an indicator, an activity, a procurement or a task.
    case evidence
    /// Indicator progress reports.
    case progress
    /// The report's written sections.
    case narrative
    /// A whole year imported over the stored one (targets included).
    case wholeYear
    /// A review step itself.
    case review

    /// The rounds whose submission freezes this kind of change.
    public var coveredBy: [ReviewRound] {
        switch self {
        case .payments, .review: []
        case .budget, .workPlan, .progress, .narrative, .results, .evidence: [.selfEvaluation]
        case .wholeYear, .targets: [.targets, .selfEvaluation]
        }
    }

    public var chinese: String {
        switch self {
        case .payments: "支付"
        case .budget: "预算项目和支付计划"
        case .workPlan: "工作计划"
        case .targets: "绩效指标和目标"
        case .results: "指标完成情况"
        case .evidence: "佐证材料"
        case .progress: "指标进度"
        case .narrative: "报告文字"
        case .wholeYear: "整年数据"
        case .review: "审核"
        }
    }
}

/// The one rule of what a round in review holds: applied by the store's change path to every change, whatever
/// page, API route, import or command it came from.
public enum ReviewLock {
    /// Why `kind` may not change now, given the rounds' states (absent rounds are drafting); nil when it may.
    public static func refusal(_ kind: ChangeKind, states: [ReviewRound: ReviewState]) -> ReviewRefusal? {
        for round in kind.coveredBy {
            let state = states[round] ?? .drafting
            if ReviewMachine.locks(state) {
                let way = round == .targets && state == .approved && kind == .targets
                    ? "如需调整，请在“目标调整”中写明理由申请。" : "如需修改，请先撤回或由审核人退回。"
                return ReviewRefusal("\(round.chinese)\(state.chinese(in: round))，\(kind.chinese)不能修改；" + way)
            }
        }
        return nil
    }
}
