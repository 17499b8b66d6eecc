/// 评价结果应用: the bureau's rule, kept as data, that turns a department's grade and the timeliness of its
/// self-evaluation into next year's budget suggestion — priority, keep, cut by a share, or suspend — with the
/// reasons written out. Pure.
public struct ResultUseRule: Sendable, Hashable {
    /// What a grade asks for next year's budget.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// 优先保障.
        case priority
        /// 保持.
        case keep
        /// 压减 by the grade's share.
        case cut
        /// 暂停安排: nothing next year.
        case suspend

        public var chinese: String {
            switch self {
            case .priority: "优先保障"
            case .keep: "保持"
            case .cut: "压减"
            case .suspend: "暂停安排"
            }
        }
    }

    /// A grade's action; `share` (0–1) is how much a cut takes.
    public struct GradeRule: Sendable, Hashable {
        public var action: Action
        public var share: Rational

        public init(_ action: Action, share: Rational = .zero) {
            self.action = action
            self.share = action == .cut ? share : .zero
        }
    }

    /// By grade name (优, 良, 中, 差, or any a template names).
    public var grades: [String: GradeRule]
    /// Taken off when the self-evaluation reached the bureau after its deadline.
    public var lateCut: Rational
    /// Taken off when it never reached the bureau and the deadline has passed.
    public var missingCut: Rational

    public init(grades: [String: GradeRule], lateCut: Rational, missingCut: Rational) {
        self.grades = grades
        self.lateCut = lateCut
        self.missingCut = missingCut
    }

    /// The rule until the bureau sets its own: 优 priority, 良 keep, 中 cut 10 %, 差 suspend; a late
    /// self-evaluation cuts 10 %, a missing one 20 %.
    public static let standard = ResultUseRule(
        grades: ["优": GradeRule(.priority), "良": GradeRule(.keep), "中": GradeRule(.cut, share: Rational(1, 10)),
                 "差": GradeRule(.suspend)],
        lateCut: Rational(1, 10), missingCut: Rational(2, 10))

    /// Whether the self-evaluation reached the bureau by its deadline.
    public enum Timeliness: Sendable, Hashable {
        /// Reached the bureau on or before the deadline.
        case onTime
        /// Reached it this many days after the deadline.
        case late(days: Int)
        /// Not received, and the deadline has passed.
        case missing
        /// Not received yet, the deadline still ahead (or no deadline set): nothing taken off.
        case pending

        public var chinese: String {
            switch self {
            case .onTime: "按时报送"
            case .late(let days): "逾期 \(days) 天报送"
            case .missing: "逾期未报送"
            case .pending: "尚未报送（未到截止日期）"
            }
        }

        /// The timeliness of a self-evaluation received on `received` (nil: not yet) against `due`, seen on `today`.
        public static func of(received: CivilDate?, due: CivilDate?, today: CivilDate) -> Timeliness {
            guard let due else { return received == nil ? .pending : .onTime }
            if let received { return received <= due ? .onTime : .late(days: due.days(to: received)) }
            return today > due ? .missing : .pending
        }
    }

    /// Next year's budget suggestion for one department.
    public struct Suggestion: Sendable, Hashable {
        public var action: Action
        /// The whole share taken off (the grade's cut plus the timeliness cut, at most 1).
        public var cut: Rational
        /// This year's budget less the cut, to the fen (half-up).
        public var amount: Money
        /// Why, in words: the grade's rule and the timeliness.
        public var reasons: [String]
    }

    /// The suggestion for a department of `grade` (nil: not evaluated) with this year's `budget`.
    public func suggest(grade: String?, timeliness: Timeliness, budget: Money) -> Suggestion {
        var reasons: [String] = []
        var action = Action.keep
        var cut = Rational.zero
        if let grade, let rule = grades[grade] {
            action = rule.action
            cut = rule.action == .suspend ? .one : rule.share
            reasons.append("等级“\(grade)”：\(rule.action.chinese)" + (rule.action == .cut ? " \(rule.share.percentString(places: 0))" : ""))
        } else {
            reasons.append(grade.map { "等级“\($0)”未设规则，按保持" } ?? "尚无评价等级，按保持")
        }
        let timelinessCut: Rational = switch timeliness {
        case .late: lateCut
        case .missing: missingCut
        case .onTime, .pending: .zero
        }
        if timelinessCut.signum > 0, action != .suspend {
            cut = Rational.min(.one, cut + timelinessCut)
            reasons.append("\(timeliness.chinese)：压减 \(timelinessCut.percentString(places: 0))")
            if action != .cut { action = cut == .one ? .suspend : .cut }
        }
        return Suggestion(action: action, cut: cut, amount: Money(roundingFen: budget.fenValue * (.one - cut)),
                          reasons: reasons)
    }
}
