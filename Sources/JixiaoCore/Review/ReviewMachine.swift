/// The two review rounds of a department-year (绩效目标 at the start of the year, 绩效自评 after it) as state
/// machines: which party may take which step from which state, and what a round in a state locks. Pure: the store
/// keeps the states and runs the steps through its one change path.
public enum ReviewRound: String, Sendable, CaseIterable, Hashable {
    /// 绩效目标: the indicators, their targets and the goal.
    case targets
    /// 绩效自评: the year's results, scores and report.
    case selfEvaluation

    public var chinese: String { self == .targets ? "绩效目标" : "绩效自评" }
}

/// Where a round stands.
public enum ReviewState: String, Sendable, CaseIterable, Hashable {
    /// 编制中 (also after a return, with its reason).
    case drafting
    /// 已送审: the preparer handed it in; the department's head reviews it.
    case submitted
    /// 部门已审核: the head approved; the finance bureau reviews it.
    case departmentApproved
    /// 财政审核中: the bureau has taken the self-evaluation up (self-evaluation only).
    case underReview
    /// 财政已审核 (targets) / 已通过 (self-evaluation).
    case approved
    /// 已公开: the self-evaluation is published (self-evaluation only).
    case published

    /// The state's name in the round's own words.
    public func chinese(in round: ReviewRound) -> String {
        switch self {
        case .drafting: "编制中"
        case .submitted: "已送审"
        case .departmentApproved: "部门已审核"
        case .underReview: "财政审核中"
        case .approved: round == .targets ? "财政已审核" : "已通过"
        case .published: "已公开"
        }
    }
}

/// A step of a round.
public enum ReviewAction: String, Sendable, CaseIterable, Hashable {
    /// 送审.
    case submit
    /// 审核通过.
    case approve
    /// 退回 (with a reason).
    case `return`
    /// 开始财政审核 (self-evaluation).
    case startReview
    /// 公开.
    case publish
    /// 撤回 / 取消审核: the party who took the last step takes it back.
    case withdraw

    public var chinese: String {
        switch self {
        case .submit: "送审"
        case .approve: "审核通过"
        case .return: "退回"
        case .startReview: "开始审核"
        case .publish: "公开"
        case .withdraw: "撤回"
        }
    }
}

/// Who takes a step: the department's preparer, its head, or the finance bureau's reviewer.
public enum ReviewParty: String, Sendable, CaseIterable, Hashable {
    case preparer
    case head
    case bureau

    public var chinese: String {
        switch self {
        case .preparer: "填报人"
        case .head: "部门负责人"
        case .bureau: "财政局审核人"
        }
    }
}

/// The grade the bureau gives approved targets.
public enum TargetGrade: String, Sendable, CaseIterable, Hashable {
    case excellent = "优"
    case good = "良"
    case fair = "中"
    case poor = "差"
}

/// Why a step was refused, in words for the person who tried it.
public struct ReviewRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// Blocking faults that keep a round from being submitted (the target check's serious findings).
    public let faults: [String]

    public init(_ message: String, faults: [String] = []) {
        self.message = message
        self.faults = faults
    }

    public var description: String { ([message] + faults).joined(separator: "\n") }
}

/// The rules of both rounds.
public enum ReviewMachine {
    /// One allowed step.
    public typealias Step = Transition<ReviewState>

    /// Every allowed step of a round.
    public static func steps(of round: ReviewRound) -> [Step] {
        var steps = [
            Step(from: .drafting, action: .submit, by: .preparer, to: .submitted),
            Step(from: .submitted, action: .withdraw, by: .preparer, to: .drafting),
            Step(from: .submitted, action: .approve, by: .head, to: .departmentApproved),
            Step(from: .submitted, action: .return, by: .head, to: .drafting),
            Step(from: .departmentApproved, action: .withdraw, by: .head, to: .submitted),
            Step(from: .departmentApproved, action: .return, by: .bureau, to: .drafting),
        ]
        switch round {
        case .targets:
            steps += [
                Step(from: .departmentApproved, action: .approve, by: .bureau, to: .approved),
                Step(from: .approved, action: .withdraw, by: .bureau, to: .departmentApproved),
            ]
        case .selfEvaluation:
            steps += [
                Step(from: .departmentApproved, action: .startReview, by: .bureau, to: .underReview),
                Step(from: .underReview, action: .return, by: .bureau, to: .drafting),
                Step(from: .underReview, action: .approve, by: .bureau, to: .approved),
                Step(from: .approved, action: .withdraw, by: .bureau, to: .underReview),
                Step(from: .approved, action: .publish, by: .bureau, to: .published),
                // A correction after publication: returned with its reason, handed in again, published as the next
                // version (the earlier one stays public).
                Step(from: .published, action: .return, by: .bureau, to: .drafting),
            ]
        }
        return steps
    }

    /// The state after `action`, or the refusal: a step the party may not take from this state, a return without a
    /// reason, targets approved without a grade.
    public static func next(_ round: ReviewRound, from state: ReviewState, action: ReviewAction, by party: ReviewParty,
                            reason: String, grade: TargetGrade?) throws(ReviewRefusal) -> ReviewState {
        let step = try Transition.find(in: steps(of: round), from: state, action: action, by: party, reason: reason,
                                       subject: "“\(state.chinese(in: round))”的\(round.chinese)")
        if round == .targets, action == .approve, party == .bureau, grade == nil {
            throw ReviewRefusal("财政审核绩效目标须评定等级（优、良、中、差）。")
        }
        return step.to
    }

    /// The steps `party` may take on a round in `state` (the buttons a page shows).
    public static func actions(_ round: ReviewRound, in state: ReviewState, by party: ReviewParty) -> [ReviewAction] {
        Transition.actions(in: steps(of: round), from: state, by: party)
    }

    /// Whether a round in `state` holds the data it covers: everything but drafting.
    public static func locks(_ state: ReviewState) -> Bool { state != .drafting }
}

/// One allowed step of a review state machine: from a state, an action by a party, to a state.
public struct Transition<State: Hashable & Sendable>: Sendable, Hashable {
    public let from: State
    public let action: ReviewAction
    public let by: ReviewParty
    public let to: State

    public init(from: State, action: ReviewAction, by: ReviewParty, to: State) {
        self.from = from
        self.action = action
        self.by = by
        self.to = to
    }

    /// The step `party` takes by `action` from `state`, or the refusal naming `subject` (“编制中”的绩效目标) and the
    /// steps allowed instead; a return needs a reason.
    static func find(in steps: [Transition], from state: State, action: ReviewAction, by party: ReviewParty,
                     reason: String, subject: String) throws(ReviewRefusal) -> Transition {
        guard let step = steps.first(where: { $0.from == state && $0.action == action && $0.by == party }) else {
            let allowed = actions(in: steps, from: state, by: party).map(\.chinese)
            throw ReviewRefusal("\(party.chinese)不能对\(subject)“\(action.chinese)”"
                + (allowed.isEmpty ? "。" : "；此时可以：\(allowed.joined(separator: "、"))。"))
        }
        if action == .return, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ReviewRefusal("退回须写明原因，说明哪里需要修改。")
        }
        return step
    }

    /// The actions `party` may take from `state`.
    static func actions(in steps: [Transition], from state: State, by party: ReviewParty) -> [ReviewAction] {
        steps.filter { $0.from == state && $0.by == party }.map(\.action)
    }
}
