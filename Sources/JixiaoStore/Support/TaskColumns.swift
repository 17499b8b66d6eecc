import JixiaoCore

/// What the `records` table keeps of a work-plan task beside its own table (``RecordTables``): its due date, status
/// and completion date (ISO dates and the bundle's status names), so that the bureau's overview counts overdue tasks
/// across the province from one index of `records`. Written with the task by every path that writes one; nil for
/// records of other kinds.
enum TaskColumns {
    /// The columns, in the order ``values(_:)`` gives their values.
    static let names = ["task_due", "task_status", "task_completed"]

    /// The columns' values for `task`.
    static func values(_ task: WorkTask) -> [String?] {
        [task.due.description, task.status.rawValue, task.completed?.description]
    }
}
