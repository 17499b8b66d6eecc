/// The work plan on a date: where each task stands and how far each of the year's key tasks has come.
public struct WorkPlanProgress: Sendable, Hashable {
    /// A task's state on the date, most pressing first.
    public enum State: String, Sendable, CaseIterable, Comparable {
        /// Past its due date and not finished by the date.
        case overdue
        /// Its start has passed and nothing is done.
        case notStarted
        /// Due within the due-soon window and not finished.
        case dueSoon
        case suspended
        case inProgress
        /// Starts after the date.
        case upcoming
        case done

        public var chinese: String {
            switch self {
            case .overdue: "已逾期"
            case .notStarted: "未按期启动"
            case .dueSoon: "即将到期"
            case .suspended: "暂停"
            case .inProgress: "进行中"
            case .upcoming: "未到开始时间"
            case .done: "已完成"
            }
        }

        public static func < (lhs: State, rhs: State) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One task on the date.
    public struct TaskState: Sendable, Hashable {
        public let task: WorkTask
        /// Its position in the year's work plan.
        public let index: Int
        public let state: State
        /// Share done on the date.
        public let progress: Rational
        /// Share of the task's span (start to due) passed on the date, 0…1.
        public let elapsed: Rational
        /// Days past the due date, for an overdue task.
        public let daysOverdue: Int
    }

    /// One key task (重点工作任务) with the tasks that serve it; `number` nil gathers the tasks that name none.
    public struct KeyTask: Sendable, Hashable {
        public let number: Int?
        public let title: String
        public let tasks: Int
        public let done: Int
        public let overdue: Int
        /// Progress of its tasks weighted by their planned spans in days.
        public let progress: Rational
    }

    public let asOf: CivilDate
    public let tasks: [TaskState]
    public let keyTasks: [KeyTask]
    /// The whole plan's progress, weighted by span; nil without tasks.
    public let overall: Rational?

    /// The state of every task of the year's work plan on a date; tasks due within `dueSoonDays` are due soon.
    public static func on(_ year: DepartmentYear, asOf: CivilDate, dueSoonDays: Int = 14) -> WorkPlanProgress {
        let states = year.workPlan.enumerated().map { index, task in
            state(task, index: index, asOf: asOf, dueSoonDays: dueSoonDays)
        }
        let numbers: [Int?] = year.tasks.indices.map { $0 + 1 } + [nil]
        let keyTasks = numbers.compactMap { number -> KeyTask? in
            let serving = states.filter { $0.task.keyTask == number }
            guard number != nil || !serving.isEmpty else { return nil }
            return KeyTask(number: number, title: number.map { year.tasks[$0 - 1] } ?? "其他工作",
                           tasks: serving.count, done: serving.filter { $0.state == .done }.count,
                           overdue: serving.filter { $0.state == .overdue }.count,
                           progress: weighted(serving) ?? .zero)
        }
        return WorkPlanProgress(asOf: asOf, tasks: states, keyTasks: keyTasks, overall: weighted(states))
    }

    static func state(_ task: WorkTask, index: Int, asOf: CivilDate, dueSoonDays: Int) -> TaskState {
        let progress = task.progress(on: asOf)
        let span = task.start.days(to: task.due) + 1
        let passed = min(max(task.start.days(to: asOf) + 1, 0), max(span, 0))
        let elapsed = span > 0 ? Rational(Int128(passed), Int128(span)) : .one
        let state: State
        if task.isDone(on: asOf) {
            state = .done
        } else if task.isOverdue(on: asOf) {
            state = .overdue
        } else if task.start > asOf {
            state = .upcoming
        } else if task.status == .suspended {
            state = .suspended
        } else if asOf.days(to: task.due) <= dueSoonDays {
            state = .dueSoon
        } else if progress == .zero && task.start < asOf {
            state = .notStarted
        } else {
            state = .inProgress
        }
        return TaskState(task: task, index: index, state: state, progress: progress, elapsed: elapsed,
                         daysOverdue: state == .overdue ? task.due.days(to: asOf) : 0)
    }

    /// Progress weighted by each task's span in days, so a two-month task counts more than a two-day one.
    static func weighted(_ states: [TaskState]) -> Rational? {
        guard !states.isEmpty else { return nil }
        let spans = states.map { Rational(max($0.task.start.days(to: $0.task.due) + 1, 1)) }
        return zip(states, spans).map { $0.progress * $1 }.sum() / spans.sum()
    }
}
