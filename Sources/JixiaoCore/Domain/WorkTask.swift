/// One task of the year's work plan (工作计划): a step towards one of the year's key tasks (重点工作任务) with its owner,
/// dates, deliverable and requirement, the indicators and budget lines it serves, and the payments it plans.
public struct WorkTask: Sendable, Hashable {
    /// Where the task stands, as its owner reports it.
    public enum Status: String, Sendable, CaseIterable {
        case notStarted
        case inProgress
        case done
        case suspended

        public var chinese: String {
            switch self {
            case .notStarted: "未启动"
            case .inProgress: "进行中"
            case .done: "已完成"
            case .suspended: "暂停"
            }
        }
    }

    /// A payment the task plans: from which line, in which month, how much.
    public struct PlannedPayment: Sendable, Hashable {
        public var line: String
        public var month: Int
        public var amount: Money

        public init(line: String, month: Int, amount: Money) {
            self.line = line
            self.month = month
            self.amount = amount
        }
    }

    public var id: String
    /// The number (from 1) of the key task in the year's `tasks` the task serves, when it serves one.
    public var keyTask: Int?
    public var title: String
    /// 责任人 or 责任科室.
    public var owner: String
    public var start: CivilDate
    public var due: CivilDate
    /// 交付成果: what exists when the task is done.
    public var deliverable: String
    /// 工作要求: the standard the deliverable must meet.
    public var requirement: String
    /// Ids of the indicators the task serves.
    public var indicators: [String]
    /// Codes of the budget lines the task spends from.
    public var lines: [String]
    public var plannedPayments: [PlannedPayment]
    public var status: Status
    /// Share done, 0…1, as the owner reports it.
    public var progress: Rational
    /// The day the task was finished, for a done task.
    public var completed: CivilDate?

    public init(id: String, keyTask: Int? = nil, title: String, owner: String = "", start: CivilDate, due: CivilDate,
                deliverable: String = "", requirement: String = "", indicators: [String] = [], lines: [String] = [],
                plannedPayments: [PlannedPayment] = [], status: Status = .notStarted, progress: Rational? = nil,
                completed: CivilDate? = nil) {
        self.id = id
        self.keyTask = keyTask
        self.title = title
        self.owner = owner
        self.start = start
        self.due = due
        self.deliverable = deliverable
        self.requirement = requirement
        self.indicators = indicators
        self.lines = lines
        self.plannedPayments = plannedPayments
        self.status = status
        self.progress = progress ?? (status == .done ? .one : .zero)
        self.completed = completed
    }

    /// Whether the task was finished on or before a date.
    public func isDone(on date: CivilDate) -> Bool {
        status == .done && (completed.map { $0 <= date } ?? true)
    }

    /// Whether the task is past its due date and not finished by a date (the bureau overview counts the same in SQL:
    /// `MonitoringOverview.overdue(on:dialect:)`).
    public func isOverdue(on date: CivilDate) -> Bool { !isDone(on: date) && due < date }

    /// The share done on a date: the reported share, except for a task finished after the date, whose share is
    /// estimated as the part of its span from start to completion that had passed.
    public func progress(on date: CivilDate) -> Rational {
        if isDone(on: date) { return .one }
        guard status == .done, let completed else { return progress }
        let span = start.days(to: completed) + 1
        let passed = min(max(start.days(to: date) + 1, 0), span)
        return span > 0 ? Rational(Int128(passed), Int128(span)) : .zero
    }
}
