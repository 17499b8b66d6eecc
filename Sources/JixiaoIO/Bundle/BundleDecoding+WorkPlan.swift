import JixiaoCore

extension BundleDecoding {
    static let taskFields: Set<String> = ["id", "keyTask", "title", "owner", "start", "due", "deliverable",
                                          "requirement", "indicators", "lines", "plannedPayments", "status",
                                          "progress", "completed"]
    static let plannedPaymentFields: Set<String> = ["line", "month", "amount"]

    /// The work plan: unique ids, key tasks that exist, dates in order, references to indicators and lines that
    /// exist, and a status that agrees with the share done and the completion date.
    func workPlan(_ node: JSONNode, unit: Money.Unit, keyTasks: Int, lines: Set<String>,
                  indicators: Set<String>) -> [WorkTask] {
        var seen: Set<String> = []
        return node.array().compactMap { entry in
            guard entry.object(allowing: BundleDecoding.taskFields) else { return nil }
            let id = entry["id"].string()
            if let id, !seen.insert(id).inserted { entry["id"].fail("\"\(id)\" is used by another task", "“\(id)”与其他任务的编号重复") }
            let keyTask = keyTasks > 0 ? entry["keyTask"].integer(in: 1...keyTasks, required: false) : nil
            if keyTasks == 0, entry["keyTask"].isPresent {
                entry["keyTask"].fail("names a key task but the year lists none in tasks", "所指重点工作任务不存在（tasks 为空）")
            }
            let title = entry["title"].string()
            let start = entry["start"].date()
            let due = entry["due"].date()
            if let start, let due, due < start {
                entry["due"].fail("\"\(due)\" is before the start \(start)", "“\(due)”早于开始日期 \(start)")
            }
            let linked = references(entry["indicators"], known: indicators, "the id of an indicator", "指标编号")
            let spent = references(entry["lines"], known: lines, "the code of a budget line", "预算项目编码")
            let payments = plannedPayments(entry["plannedPayments"], unit: unit, lines: lines)
            let status = entry["status"].choice(WorkTask.Status.self)
            let progress = entry["progress"].decimal(.share, required: false)
            if let progress, progress > .one { entry["progress"].fail("\(progress) is above 1 (a share: 0.6 means 60 %)", "大于 1（按比例填写，如 0.6 表示 60%）") }
            if let progress, status == .done, progress != .one {
                entry["progress"].fail("is \(progress) but the status is done (expected 1)", "与状态“已完成”不一致（已完成的任务进度应为 1，即 100%）")
            }
            if let progress, status == .notStarted, progress != .zero {
                entry["progress"].fail("is \(progress) but the status is notStarted (expected 0)", "与状态“未启动”不一致（未启动的任务进度应为 0）")
            }
            let completed = entry["completed"].date(required: false)
            if completed != nil, let status, status != .done {
                entry["completed"].fail("is given but the status is \(status.rawValue) (expected done)", "已填写，但状态不是已完成")
            }
            if let completed, let start, completed < start {
                entry["completed"].fail("\"\(completed)\" is before the start \(start)", "“\(completed)”早于开始日期 \(start)")
            }
            guard let id, let title, let start, let due, let status else { return nil }
            return WorkTask(id: id, keyTask: keyTask, title: title, owner: entry["owner"].string(required: false) ?? "",
                            start: start, due: due, deliverable: entry["deliverable"].string(required: false) ?? "",
                            requirement: entry["requirement"].string(required: false) ?? "", indicators: linked,
                            lines: spent, plannedPayments: payments, status: status,
                            progress: progress.map { Rational.min($0, .one) }, completed: completed)
        }
    }

    /// A list of texts, each one of `known`.
    private func references(_ node: JSONNode, known: Set<String>, _ expected: String, _ chinese: String) -> [String] {
        node.array().compactMap { element in
            guard let text = element.string() else { return nil }
            if !known.contains(text) { element.fail("\"\(text)\" is not \(expected)", "“\(text)”不是\(chinese)") }
            return text
        }
    }

    private func plannedPayments(_ node: JSONNode, unit: Money.Unit, lines: Set<String>) -> [WorkTask.PlannedPayment] {
        node.array().compactMap { entry in
            guard entry.object(allowing: BundleDecoding.plannedPaymentFields) else { return nil }
            let line = entry["line"].string()
            if let line, !lines.contains(line) {
                entry["line"].fail("\"\(line)\" is not the code of a budget line", "“\(line)”不是预算项目编码")
            }
            let month = entry["month"].integer(in: 1...12)
            let amount = entry["amount"].money(unit)
            guard let line, let month, let amount else { return nil }
            return WorkTask.PlannedPayment(line: line, month: month, amount: amount)
        }
    }
}
