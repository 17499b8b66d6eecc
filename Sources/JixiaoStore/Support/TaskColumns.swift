import JixiaoIO

/// What the `records` table keeps of a work-plan task beside its definition: its due date, status and completion
/// date (ISO dates and the bundle's status names, as the definition has them), so that the bureau's overview counts
/// overdue tasks across the province from an index instead of reading every task's JSON. Written with the definition
/// by every path that writes a record; nil for records of other kinds.
enum TaskColumns {
    /// The columns, in the order ``values(kind:definition:)`` gives their values.
    static let names = ["task_due", "task_status", "task_completed"]

    /// The columns' values for a record of `kind` defined by `definition`.
    static func values(kind: String, definition: JSONValue) -> [String?] {
        guard kind == "task" else { return [nil, nil, nil] }
        return ["due", "status", "completed"].map { definition[$0]?.string }
    }

    /// Sets a record model's columns from its kind and `definition`.
    static func fill(_ record: RecordModel, from definition: JSONValue) {
        let values = values(kind: record.kind, definition: definition)
        (record.taskDue, record.taskStatus, record.taskCompleted) = (values[0], values[1], values[2])
    }
}
