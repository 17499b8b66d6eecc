/// Work-plan tasks that are late, due soon, not started or behind their own schedule, as findings pointing at the
/// task (`workPlan[i]`). In the year they warn; at the year end the tasks left unfinished or finished late remain.
public enum WorkPlanWarnings {
    private static let measure = "对照工作计划逐项督办，滞后任务明确责任人和完成时限，必要时调整计划并说明原因。"

    /// Warnings on a date: overdue, not started after their start, behind their schedule by more than
    /// `tolerance`, and due within the due-soon window.
    public static func inYear(_ progress: WorkPlanProgress, tolerance: Rational) -> [Finding] {
        progress.tasks.compactMap { state in
            let task = state.task
            let done = state.progress.percentString(places: 0)
            switch state.state {
            case .overdue:
                return overdue(state, asOf: progress.asOf)
            case .notStarted:
                return finding(state, code: "WORKPLAN_NOT_STARTED", .medium,
                               "任务“\(task.title)”计划于 \(task.start) 开始，截至 \(progress.asOf) 尚未启动。")
            case .dueSoon:
                return finding(state, code: "WORKPLAN_DUE_SOON", .low,
                               "任务“\(task.title)”将于 \(task.due) 到期（还有 \(progress.asOf.days(to: task.due)) 天），"
                                   + "目前完成 \(done)。")
            case .inProgress where state.progress < state.elapsed - tolerance:
                return finding(state, code: "WORKPLAN_BEHIND", .medium,
                               "任务“\(task.title)”已过计划工期的 \(state.elapsed.percentString(places: 0))，"
                                   + "仅完成 \(done)。")
            default:
                return nil
            }
        }
    }

    /// The year-end findings: tasks not finished by 31 December, tasks finished after their due date, and lines
    /// from which the tasks plan to pay more than the budget.
    public static func yearEnd(_ year: DepartmentYear) -> [Finding] {
        let end = CivilDate(year: year.year, month: 12, day: 31)!
        let progress = WorkPlanProgress.on(year, asOf: end)
        return overBudget(year) + progress.tasks.compactMap { state in
            if state.state == .overdue { return overdue(state, asOf: end) }
            guard let completed = state.task.completed, completed > state.task.due else { return nil }
            return finding(state, code: "WORKPLAN_LATE", .low,
                           "任务“\(state.task.title)”计划 \(state.task.due) 完成，实际 \(completed) 完成，"
                               + "延期 \(state.task.due.days(to: completed)) 天。")
        }
    }

    /// Lines from which the work plan's tasks plan to pay more than the line's budget: the plan cannot be kept.
    public static func overBudget(_ year: DepartmentYear) -> [Finding] {
        year.budgetLines.enumerated().compactMap { index, line in
            let planned = year.workPlanPayments(ofLine: line.code).map(\.amount).sum()
            guard planned > line.adjusted else { return nil }
            let tasks = year.workPlan.filter { $0.plannedPayments.contains { $0.line == line.code } }.map(\.title)
            return Finding(
                code: "WORKPLAN_OVER_BUDGET", severity: .medium, theme: .workPlan,
                message: "工作计划各任务从“\(line.name)”（\(line.code)）计划支付 \(planned.wanString) 万元，"
                    + "超过其全年预算数 \(line.adjusted.wanString) 万元。",
                evidence: tasks.map { "任务：\($0)" },
                measure: "调整任务的计划支付或按程序调整预算，使工作计划与预算一致。", subject: "budget.lines[\(index)]")
        }
    }

    private static func overdue(_ state: WorkPlanProgress.TaskState, asOf: CivilDate) -> Finding {
        let owner = state.task.owner.isEmpty ? "" : "（责任人：\(state.task.owner)）"
        return finding(state, code: "WORKPLAN_OVERDUE", .high,
                       "任务“\(state.task.title)”\(owner)应于 \(state.task.due) 完成，截至 \(asOf) 逾期 "
                           + "\(state.daysOverdue) 天，完成 \(state.progress.percentString(places: 0))。")
    }

    private static func finding(_ state: WorkPlanProgress.TaskState, code: String, _ severity: Finding.Severity,
                                _ message: String) -> Finding {
        var evidence = ["计划时间：\(state.task.start) 至 \(state.task.due)"]
        if !state.task.deliverable.isEmpty { evidence.append("交付成果：\(state.task.deliverable)") }
        return Finding(code: code, severity: severity, theme: .workPlan, message: message, evidence: evidence,
                       measure: measure, subject: "workPlan[\(state.index)]")
    }
}
