import JixiaoCore
import JixiaoIO
import Vapor

/// A work-plan task as posted (完成进度 in percent), turned into a bundle `workPlan` entry for the bundle reader.
struct TaskForm: Content {
    var id: String?
    var keyTask: String?
    var title: String?
    var owner: String?
    var start: String?
    var due: String?
    var deliverable: String?
    var requirement: String?
    var indicators: [String]?
    var lines: [String]?
    /// 计划支付 rows as parallel columns (line code, month, amount in yuan); rows without an amount are left out.
    var plannedLine: [String]?
    var plannedMonth: [String]?
    var plannedAmount: [String]?
    var status: String?
    var progress: String?
    var completed: String?
    var version: Int?

    init(_ task: WorkTask? = nil, version: Int? = nil) {
        id = task?.id
        keyTask = task?.keyTask.map(String.init)
        title = task?.title
        owner = task?.owner
        start = task?.start.description
        due = task?.due.description
        deliverable = task?.deliverable
        requirement = task?.requirement
        indicators = task?.indicators
        lines = task?.lines
        plannedLine = task?.plannedPayments.map(\.line)
        plannedMonth = task?.plannedPayments.map { String($0.month) }
        plannedAmount = task?.plannedPayments.map(\.amount.yuanString)
        status = task?.status.rawValue ?? WorkTask.Status.notStarted.rawValue
        progress = task.map { Rounding(mode: .halfUp, places: 2).apply($0.progress * 100).description }
        completed = task?.completed?.description
        self.version = version
    }

    /// The entry in bundle form, and the faults only the form can see (an id left blank, a share done that is not a
    /// percentage); everything else is for the bundle reader, so that all faults are shown at once.
    func entry(id fixedID: String? = nil) -> (JSONValue, FieldErrors) {
        var errors = FieldErrors()
        let text = FormText.clean, date = FormText.date
        let id = fixedID ?? text(self.id)
        if id.isEmpty { errors["id"] = "请填写任务编号，如 t11" }
        var share: Rational?
        let percent = text(progress)
        if !percent.isEmpty {
            if let value = ClerkFormats.number(percent).flatMap({ Rational(decimal: $0) }), value >= .zero, value <= 100 {
                share = value / 100
            } else {
                errors["progress"] = "完成进度应是 0 到 100 之间的数（百分比）"
            }
        }

        var members: [JSONValue.Member] = [.init("id", .string(id))]
        if let number = Int(text(keyTask)) { members.append(.init("keyTask", .number(String(number)))) }
        members += [.init("title", .string(text(title))), .init("owner", .string(text(owner))),
                    .init("start", .string(date(start))), .init("due", .string(date(due)))]
        for (key, value) in [("deliverable", deliverable), ("requirement", requirement)] where !text(value).isEmpty {
            members.append(.init(key, .string(text(value))))
        }
        for (key, values) in [("indicators", indicators ?? []), ("lines", lines ?? [])] where !values.isEmpty {
            members.append(.init(key, .array(values.map(JSONValue.string))))
        }
        if let amounts = plannedAmount {
            let payments = amounts.indices.compactMap { index -> JSONValue? in
                let amount = text(amounts[index])
                guard !amount.isEmpty else { return nil }
                let month = text(plannedMonth?[safe: index])
                return .object(["line": .string(text(plannedLine?[safe: index])),
                                "month": Int(month).map { .number(String($0)) } ?? .string(month),
                                "amount": .string(ClerkFormats.number(amount) ?? amount)])
            }
            members.append(.init("plannedPayments", .array(payments)))
        }
        members.append(.init("status", .string(text(self.status))))
        if let share { members.append(.init("progress", .string(share.description))) }
        if !text(completed).isEmpty { members.append(.init("completed", .string(date(completed)))) }
        return (.object(members), errors)
    }

}

extension Array {
    /// The element at `index`, or nil past either end.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
