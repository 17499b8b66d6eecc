import Fluent
import Foundation
import JixiaoCore
import SQLKit

/// The typed tables of a year's indicators, activities, procurements and work-plan tasks. Each such record keeps its
/// row in `records` (its id, position, key, title and version, a task's due date, status and completion date) and
/// its fields in a table of its own — lists (an indicator's measure filter, rule tiers and progress reports, an
/// activity's quantities, a task's indicators, lines and planned payments) in child tables — so the store reads them as the engine's values without a JSON reader, and SQL can count and sum
/// them across a province. Written from values the bundle reader has accepted: it stays the gate for every change.
enum RecordTables {
    static let indicators = "indicators"
    static let indicatorFilters = "indicator_filters"
    static let indicatorTiers = "indicator_tiers"
    static let indicatorProgress = "indicator_progress"
    static let activities = "activities"
    static let activityQuantities = "activity_quantities"
    static let procurements = "procurements"
    static let tasks = "work_tasks"
    static let taskLinks = "task_links"
    static let taskPayments = "task_payments"

    /// Every typed table, parents before children.
    static let all = [indicators, indicatorFilters, indicatorTiers, indicatorProgress, activities, activityQuantities,
                      procurements, tasks, taskLinks, taskPayments]

    /// Each table's columns after `record_id` and `organisation_id`, as ``fields(of:)`` gives their values.
    static let columns: [String: [String]] = [
        indicators: ["level1", "level2", "nature", "direction", "target_text", "unit", "weight", "formula",
                     "data_source", "actual_text", "measure_aggregate", "measure_field", "grade", "rule_kind",
                     "deduction_direction", "deduction_bound", "deduction_step", "deduction_points", "manual_score",
                     "manual_reason", "deviation"],
        indicatorFilters: ["field", "value"],
        indicatorTiers: ["position", "up_to", "score"],
        indicatorProgress: ["position", "as_of", "actual_text", "projected_text", "likelihood", "cause", "remedy"],
        activities: ["date", "kind"],
        activityQuantities: ["name", "value"],
        procurements: ["line", "amount_fen"] + procurementDateColumns,
        tasks: ["key_task", "owner", "start", "deliverable", "requirement", "progress"],
        taskLinks: ["position", "kind", "code"],
        taskPayments: ["position", "line", "month", "amount_fen"],
    ]

    /// The record kind each table holds rows of.
    static let kindOf: [String: String] = [
        indicators: "indicator", indicatorFilters: "indicator", indicatorTiers: "indicator", indicatorProgress: "indicator",
        activities: "activity", activityQuantities: "activity", procurements: "procurement", tasks: "task",
        taskLinks: "task", taskPayments: "task",
    ]

    static let procurementDateColumns = ["intent_published", "started", "awarded", "contract_signed",
                                         "contract_published", "contract_filed"]

    /// The record kinds held in typed tables, with the bundle member that lists them.
    static let kinds = [("indicator", "indicators"), ("activity", "activities"), ("procurement", "procurements"),
                        ("task", "workPlan")]

    /// A year's records of the typed kinds, in their order.
    struct Records: Sendable, Equatable {
        var indicators: [Indicator] = []
        var activities: [Activity] = []
        var procurements: [Procurement] = []
        var workPlan: [WorkTask] = []

        init(indicators: [Indicator] = [], activities: [Activity] = [], procurements: [Procurement] = [],
             workPlan: [WorkTask] = []) {
            self.indicators = indicators
            self.activities = activities
            self.procurements = procurements
            self.workPlan = workPlan
        }

        init(_ year: DepartmentYear) {
            self.init(indicators: year.indicators, activities: year.activities, procurements: year.procurements,
                      workPlan: year.workPlan)
        }
    }

    /// A `records` row of a typed kind with its value.
    enum Value: Sendable {
        case indicator(Indicator)
        case activity(Activity)
        case procurement(Procurement)
        case task(WorkTask)

        var kind: String {
            switch self {
            case .indicator: "indicator"
            case .activity: "activity"
            case .procurement: "procurement"
            case .task: "task"
            }
        }

        /// The `records` row's key and title.
        var label: (key: String, title: String) {
            switch self {
            case .indicator(let indicator): (indicator.id, indicator.name)
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

    /// The value of the record of `kind` keyed `key` in `year` (an indicator or a work-plan task by its id); nil for
    /// a kind not held in typed tables or keyed otherwise.
    static func value(kind: String, key: String, in year: DepartmentYear) -> Value? {
        switch kind {
        case "indicator": year.indicators.first { $0.id == key }.map(Value.indicator)
        case "task": year.workPlan.first { $0.id == key }.map(Value.task)
        default: nil
        }
    }

    /// Whether records of `kind` are held in typed tables.
    static func holds(_ kind: String) -> Bool { kinds.contains { $0.0 == kind } }

    /// The values of the records of the typed `kind` in `year`, each at its position.
    static func values(of kind: String, in year: DepartmentYear) -> [(position: Int, value: Value)] {
        values(Records(year)).filter { $0.value.kind == kind }
    }

    /// The values of `records` in their kinds' order, each at its position within its kind.
    static func values(_ records: Records) -> [(position: Int, value: Value)] {
        records.indicators.enumerated().map { ($0.offset, .indicator($0.element)) }
            + records.activities.enumerated().map { ($0.offset, .activity($0.element)) }
            + records.procurements.enumerated().map { ($0.offset, .procurement($0.element)) }
            + records.workPlan.enumerated().map { ($0.offset, .task($0.element)) }
    }
}
