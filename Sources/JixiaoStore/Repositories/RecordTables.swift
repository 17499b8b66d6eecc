import Fluent
import Foundation
import JixiaoCore
import SQLKit

/// The typed tables of a year's activities, procurements and work-plan tasks. Each such record keeps its row in
/// `records` (its id, position, key, title and version, a task's due date, status and completion date) and its
/// fields in a table of its own — lists (an activity's quantities, a task's indicators, lines and planned payments)
/// in child tables — so the store reads them as the engine's values without a JSON reader, and SQL can count and sum
/// them across a province. Written from values the bundle reader has accepted: it stays the gate for every change.
enum RecordTables {
    static let activities = "activities"
    static let activityQuantities = "activity_quantities"
    static let procurements = "procurements"
    static let tasks = "work_tasks"
    static let taskLinks = "task_links"
    static let taskPayments = "task_payments"

    /// Every typed table, parents before children.
    static let all = [activities, activityQuantities, procurements, tasks, taskLinks, taskPayments]

    /// The record kinds held in typed tables, with the bundle member that lists them.
    static let kinds = [("activity", "activities"), ("procurement", "procurements"), ("task", "workPlan")]

    /// A year's records of the typed kinds, in their order.
    struct Records: Sendable, Equatable {
        var activities: [Activity] = []
        var procurements: [Procurement] = []
        var workPlan: [WorkTask] = []

        init(activities: [Activity] = [], procurements: [Procurement] = [], workPlan: [WorkTask] = []) {
            self.activities = activities
            self.procurements = procurements
            self.workPlan = workPlan
        }

        init(_ year: DepartmentYear) {
            self.init(activities: year.activities, procurements: year.procurements, workPlan: year.workPlan)
        }
    }

    /// A `records` row of a typed kind with its value.
    enum Value: Sendable {
        case activity(Activity)
        case procurement(Procurement)
        case task(WorkTask)

        var kind: String {
            switch self {
            case .activity: "activity"
            case .procurement: "procurement"
            case .task: "task"
            }
        }

        /// The `records` row's key and title.
        var label: (key: String, title: String) {
            switch self {
            case .activity(let activity): ("", activity.title)
            case .procurement(let procurement): ("", procurement.name)
            case .task(let task): (task.id, task.title)
            }
        }

        /// A task's due date, status and completion date (``TaskColumns``); nil for other records.
        var taskColumns: [String?] {
            guard case .task(let task) = self else { return [nil, nil, nil] }
            return TaskColumns.values(task)
        }
    }

    /// The value of the record of `kind` keyed `key` in `year` (a work-plan task by its id); nil for a kind not held
    /// in typed tables or keyed otherwise.
    static func value(kind: String, key: String, in year: DepartmentYear) -> Value? {
        guard kind == "task" else { return nil }
        return year.workPlan.first { $0.id == key }.map(Value.task)
    }

    /// Whether records of `kind` are held in typed tables.
    static func holds(_ kind: String) -> Bool { kinds.contains { $0.0 == kind } }

    /// The values of the records of the typed `kind` in `year`, each at its position.
    static func values(of kind: String, in year: DepartmentYear) -> [(position: Int, value: Value)] {
        values(Records(year)).filter { $0.value.kind == kind }
    }

    /// The values of `records` in their kinds' order, each at its position within its kind.
    static func values(_ records: Records) -> [(position: Int, value: Value)] {
        records.activities.enumerated().map { ($0.offset, .activity($0.element)) }
            + records.procurements.enumerated().map { ($0.offset, .procurement($0.element)) }
            + records.workPlan.enumerated().map { ($0.offset, .task($0.element)) }
    }
}
