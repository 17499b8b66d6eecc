import JixiaoCore
import JixiaoReport

/// 工作计划 on a date: the key tasks with their roll-up, the timeline, and every task with its owner, dates,
/// deliverable, links to its indicators and lines, planned payments and state.
enum WorkPlanView {
    static func render(_ year: DepartmentYear, progress: WorkPlanProgress, user: CurrentUser, csrf: String) -> String {
        let (code, number) = (year.department.code, year.year)
        let mayChange = user.mayChange(organisation: code)
        return Layout.page(title: "工作计划", user: user, csrf: csrf) {
            Layout.heading("工作计划（截至 \(progress.asOf)）", code: code, name: year.department.name, year: number)
            if mayChange {
                HTML.element("p") {
                    HTML.element("a", [("href", SiteURL.taskNew(code: code, year: number).path)]) { "＋ 新增任务" }
                }
            }
            if progress.tasks.isEmpty {
                HTML.element("p") { "本年度还没有工作计划。可在填报工作簿的“工作计划”表中填写后导入。" }
            } else {
                HTML.element("form", [("method", "get"), ("class", "filters"),
                                      ("action", SiteURL.workPlan(code: code, year: number).path)]) {
                    AsOfPicker.field(progress.asOf, year: number)
                    HTML.element("button", [("type", "submit")]) { "查看" }
                }
                HTML.element("p", [("id", "work-plan-summary")]) { MonitoringTable.workPlanSummary(progress) }
                keyTasks(progress)
                HTML.element("div", [("class", "charts")]) {
                    HTML.element("figure") { HTML.chart(Charts.workPlanTimeline(year, asOf: progress.asOf).svg) }
                }
                tasks(year, progress, mayChange: mayChange)
            }
        }
    }

    private static func keyTasks(_ progress: WorkPlanProgress) -> HTML {
        HTML.element("table", [("id", "key-tasks")]) {
            HTML.element("thead") {
                HTML.element("tr") {
                    for title in ["重点工作任务", "任务数", "已完成", "逾期", "进度"] { HTML.element("th") { title } }
                }
            }
            HTML.element("tbody") {
                for key in progress.keyTasks {
                    HTML.element("tr") {
                        HTML.element("td") { key.number.map { "\($0). \(key.title)" } ?? key.title }
                        HTML.element("td", [("class", "number")]) { String(key.tasks) }
                        HTML.element("td", [("class", "number")]) { String(key.done) }
                        HTML.element("td", [("class", key.overdue > 0 ? "number severity-high" : "number")]) {
                            String(key.overdue)
                        }
                        HTML.element("td", [("class", "number")]) { key.progress.percentString(places: 0) }
                    }
                }
            }
        }
    }

    private static func tasks(_ year: DepartmentYear, _ progress: WorkPlanProgress, mayChange: Bool) -> HTML {
        let (code, number) = (year.department.code, year.year)
        return HTML.element("table", [("id", "tasks")]) {
            HTML.element("thead") {
                HTML.element("tr") {
                    for title in ["编号", "任务", "责任人", "计划时间", "交付成果与要求", "关联指标与项目", "计划支付（万元）",
                                  "状态", "进度"] {
                        HTML.element("th") { title }
                    }
                }
            }
            HTML.element("tbody") {
                for state in progress.tasks {
                    let task = state.task
                    HTML.element("tr", [("id", "task-\(task.id)")]) {
                        HTML.element("td") {
                            task.id
                            if mayChange {
                                HTML.element("br")
                                HTML.element("a", [("href", SiteURL.task(code: code, year: number, id: task.id).path)]) {
                                    "修改"
                                }
                            }
                        }
                        HTML.element("td") { task.title }
                        HTML.element("td") { task.owner }
                        HTML.element("td") {
                            "\(task.start) 至 \(task.due)"
                            if let completed = task.completed { HTML.element("br"); "完成于 \(completed)" }
                        }
                        HTML.element("td") {
                            task.deliverable
                            if !task.requirement.isEmpty { HTML.element("br"); HTML.element("small") { task.requirement } }
                        }
                        HTML.element("td") {
                            for id in task.indicators {
                                HTML.element("a", [("href", SiteURL.indicators(code: code, year: number).path + "#indicator-\(id)")]) {
                                    year.indicators.first { $0.id == id }?.name ?? id
                                }
                                HTML.element("br")
                            }
                            for line in task.lines {
                                HTML.element("a", [("href", FindingLinks.payments(ofLine: line, in: year))]) { line }
                                " "
                            }
                        }
                        HTML.element("td", [("class", "number")]) {
                            for payment in task.plannedPayments {
                                "\(payment.line) \(payment.month)月 \(payment.amount.wanString)"
                                HTML.element("br")
                            }
                        }
                        stateCell(state)
                        HTML.element("td", [("class", "number")]) { state.progress.percentString(places: 0) }
                    }
                }
            }
        }
    }

    /// A task's state on the day, overdue days counted, marked as every page that lists tasks marks it.
    static func stateCell(_ state: WorkPlanProgress.TaskState) -> HTML {
        HTML.element("td", [("class", cssClass(state.state))]) {
            state.state.chinese + (state.daysOverdue > 0 ? "（\(state.daysOverdue) 天）" : "")
        }
    }

    private static func cssClass(_ state: WorkPlanProgress.State) -> String {
        switch state {
        case .overdue: "severity-high"
        case .notStarted, .dueSoon: "severity-medium"
        case .done: "ok"
        case .suspended, .inProgress, .upcoming: ""
        }
    }
}
