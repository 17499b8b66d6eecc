import Foundation

/// 目标调整: once the bureau has approved a department's targets they are frozen; changing an indicator's target,
/// unit, direction or weight is a request with a written reason that goes through the same review as the targets
/// (the preparer asks, the head approves, the bureau approves and the change is applied — or either returns it).
public enum TargetAdjustment {
    /// Where a request stands.
    public enum State: String, Sendable, CaseIterable, Hashable {
        /// 已送审: the preparer asked; the head reviews it.
        case submitted
        /// 部门已审核: the head approved; the bureau reviews it.
        case departmentApproved
        /// 已批准: the bureau approved and the change was applied.
        case approved
        /// 已退回 (with the reason).
        case returned
        /// 已撤回 by the preparer.
        case withdrawn

        public var chinese: String {
            switch self {
            case .submitted: "已送审"
            case .departmentApproved: "部门已审核"
            case .approved: "已批准并生效"
            case .returned: "已退回"
            case .withdrawn: "已撤回"
            }
        }

        /// Whether the request is still open.
        public var isOpen: Bool { self == .submitted || self == .departmentApproved }
    }

    /// Every allowed step of a request.
    public static let steps: [Transition<State>] = [
        Transition(from: .submitted, action: .withdraw, by: .preparer, to: .withdrawn),
        Transition(from: .submitted, action: .approve, by: .head, to: .departmentApproved),
        Transition(from: .submitted, action: .return, by: .head, to: .returned),
        Transition(from: .departmentApproved, action: .withdraw, by: .head, to: .submitted),
        Transition(from: .departmentApproved, action: .approve, by: .bureau, to: .approved),
        Transition(from: .departmentApproved, action: .return, by: .bureau, to: .returned),
    ]

    /// The state after `action`, or why it is refused.
    public static func next(from state: State, action: ReviewAction, by party: ReviewParty,
                            reason: String) throws(ReviewRefusal) -> State {
        try Transition.find(in: steps, from: state, action: action, by: party, reason: reason,
                            subject: "“\(state.chinese)”的目标调整申请").to
    }

    /// The steps `party` may take on a request in `state`.
    public static func actions(in state: State, by party: ReviewParty) -> [ReviewAction] {
        Transition.actions(in: steps, from: state, by: party)
    }

    /// What a target is: the four things a request may change.
    public struct Target: Sendable, Hashable {
        public var target: String
        public var unit: String
        public var direction: Indicator.Direction
        public var weight: Rational

        public init(target: String, unit: String, direction: Indicator.Direction, weight: Rational) {
            self.target = target
            self.unit = unit
            self.direction = direction
            self.weight = weight
        }

        /// An indicator's target as it stands.
        public init(_ indicator: Indicator) {
            self.init(target: indicator.targetText, unit: indicator.unit, direction: indicator.direction,
                      weight: indicator.weight)
        }

        /// The target as documents print it: `≥ 40 场（10 分）`.
        public var text: String {
            "\(direction.symbol) \(target)\(unit.isEmpty ? "" : " \(unit)")（\(weight.description) 分）"
        }
    }

    /// Why a request may not be made now: targets not yet approved (they are changed directly then), a
    /// self-evaluation handed in, nothing changed, no reason.
    public static func refusal(from current: Target, to proposed: Target, reason: String,
                               states: [ReviewRound: ReviewState]) -> ReviewRefusal? {
        let targets = states[.targets] ?? .drafting
        guard targets == .approved else {
            return ReviewRefusal("绩效目标\(targets.chinese(in: .targets))：只有财政已审核的目标才需要申请调整"
                + (targets == .drafting ? "，编制中的目标可以直接修改。" : "。"))
        }
        let evaluation = states[.selfEvaluation] ?? .drafting
        if ReviewMachine.locks(evaluation) {
            return ReviewRefusal("绩效自评\(evaluation.chinese(in: .selfEvaluation))，目标不能再调整。")
        }
        if current == proposed { return ReviewRefusal("申请的目标与现行目标相同，没有需要调整的内容。") }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return ReviewRefusal("目标调整须写明理由。")
        }
        return nil
    }
}
