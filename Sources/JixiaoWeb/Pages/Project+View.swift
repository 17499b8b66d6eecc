import Foundation
import JixiaoCore

/// 项目: a project's figures, its goal beside what was achieved, its scores and findings, and its table's downloads.
enum ProjectView {
    static func render(_ model: ProjectModel, user: CurrentUser, csrf: String) -> String {
        let summary = model.summary
        return Layout.page(title: summary.name, user: user, csrf: csrf) {
            Layout.heading("项目：\(summary.name)（\(summary.code)）", code: model.code, name: model.name, year: model.year)
            HTML.element("p", [("class", "who")]) {
                "实施单位：\(summary.owner)；预算项目：\(summary.lines)；评价模板：\(model.templateName)"
            }
            HTML.element("p") {
                if user.mayChange(organisation: model.code) {
                    HTML.element("a", [("href", SiteURL.projectEdit(code: model.code, year: model.year,
                                                                    project: summary.code).path), ("id", "edit-project")]) {
                        "修改项目"
                    }
                    " "
                }
                HTML.element("a", [("href", SiteURL.indicators(code: model.code, year: model.year)
                                        .path(query: [("project", summary.code)]))]) {
                    "项目指标 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.payments(code: model.code, year: model.year)
                                        .path(query: [("project", summary.code)]))]) {
                    "项目支付明细 →"
                }
            }
            HTML.element("div", [("class", "cards")]) {
                for (id, label, figure) in [("adjusted", "全年预算数（万元）", summary.adjusted),
                                            ("executed", "全年执行数（万元）", summary.executed), ("rate", "执行率", summary.rate),
                                            ("total", "自评得分", "\(summary.total)（\(summary.grade)）")] {
                    HTML.element("div", [("class", "card")]) {
                        HTML.element("div", [("class", "label")]) { label }
                        HTML.element("div", [("class", "figure"), ("id", id)]) { figure }
                    }
                }
            }
            HTML.element("h2") { "年度总体目标" }
            HTML.element("div", [("class", "columns")]) {
                for (label, text) in [("预期目标", model.goal), ("实际完成情况", model.achieved)] {
                    HTML.element("div", [("class", "printed")]) {
                        HTML.element("h3") { label }
                        HTML.element("p") { text.isEmpty ? "（未填写）" : text }
                    }
                }
            }
            HTML.element("h2") { "预算执行率 \(model.budgetScore)" }
            HTML.element("h2") { "绩效指标" }
            if model.indicators.isEmpty {
                HTML.element("p", [("class", "severity-high")]) { "本项目没有设定绩效指标。" }
            } else {
                EvaluationView.indicatorTable(model.indicators)
            }
            HTML.element("h2") { "工作计划（截至 \(model.workPlan.asOf)）" }
            if model.workPlan.tasks.isEmpty {
                HTML.element("p") { "没有任务从本项目的预算项目支出或服务于本项目的指标。" }
            } else {
                tasks(model)
            }
            HTML.element("h2") { "发现的问题" }
            if model.findings.isEmpty {
                HTML.element("p") { "未发现问题。" }
            } else {
                FindingLinks.list(model.findings, in: model.departmentYear)
            }
            HTML.element("h2") { "项目支出绩效自评表" }
            HTML.element("p", [("class", "downloads")]) {
                for (format, label) in [("docx", "Word"), ("pdf", "PDF"), ("xlsx", "Excel"), ("html", "网页版")] {
                    HTML.element("a", [("href", SiteURL.projectTable(code: model.code, year: model.year,
                                                                     project: summary.code, format: format).path)]) {
                        label
                    }
                }
            }
        }
    }

    /// The project's tasks with their state on the day, each linked to the work plan.
    private static func tasks(_ model: ProjectModel) -> HTML {
        HTML.element("div", [("class", "table-scroll")]) {
            HTML.element("table", [("id", "project-tasks")]) {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["任务", "责任人", "计划时间", "状态", "进度"] { HTML.element("th") { title } }
                    }
                }
                HTML.element("tbody") {
                    for state in model.workPlan.tasks {
                        HTML.element("tr") {
                            HTML.element("td") {
                                HTML.element("a", [("href", SiteURL.workPlan(code: model.code, year: model.year).path
                                                        + "#task-\(state.task.id)")]) { state.task.title }
                            }
                            HTML.element("td") { state.task.owner }
                            HTML.element("td") { "\(state.task.start) 至 \(state.task.due)" }
                            WorkPlanView.stateCell(state)
                            HTML.element("td", [("class", "number")]) { state.progress.percentString(places: 0) }
                        }
                    }
                }
            }
        }
    }

    /// The overview's list of the year's projects, each linked to its page; with `mayChange`, the link to add one.
    static func list(_ projects: [ProjectSummary], code: String, year: Int, mayChange: Bool) -> HTML {
        HTML.group {
            HTML.element("h2", [("id", "projects-heading")]) { "项目（\(projects.count) 个）" }
            if mayChange {
                HTML.element("p") {
                    HTML.element("a", [("href", SiteURL.projectNew(code: code, year: year).path), ("id", "new-project")]) {
                        "＋ 新增项目"
                    }
                }
            }
            if !projects.isEmpty { table(projects, code: code, year: year) }
        }
    }

    private static func table(_ projects: [ProjectSummary], code: String, year: Int) -> HTML {
        HTML.group {
            HTML.element("div", [("class", "table-scroll")]) {
                HTML.element("table", [("id", "projects")]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for title in ["项目", "实施单位", "全年预算数（万元）", "全年执行数（万元）", "执行率", "自评得分", "等级"] {
                                HTML.element("th") { title }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for project in projects {
                            HTML.element("tr") {
                                HTML.element("td") {
                                    HTML.element("a", [("href", SiteURL.project(code: code, year: year,
                                                                                project: project.code).path)]) {
                                        "\(project.code) \(project.name)"
                                    }
                                }
                                HTML.element("td") { project.owner }
                                HTML.element("td", [("class", "number")]) { project.adjusted }
                                HTML.element("td", [("class", "number")]) { project.executed }
                                HTML.element("td", [("class", "number")]) { project.rate }
                                HTML.element("td", [("class", "number")]) { project.total }
                                HTML.element("td") { project.grade }
                            }
                        }
                    }
                }
            }
            HTML.element("p", [("class", "downloads")]) {
                HTML.element("a", [("href", SiteURL.projectTable(code: code, year: year, project: "all",
                                                                 format: "xlsx").path)]) { "全部项目自评表（Excel，每项目一张表）" }
            }
        }
    }
}
