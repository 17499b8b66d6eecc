import JixiaoReport

/// The department-year overview.
enum OverviewView {
    static func render(_ model: OverviewModel, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "\(model.name) \(model.year) 年", user: user, csrf: csrf) {
            HTML.element("h1") { "\(model.name) · \(model.year) 年" }
            Layout.returnNotes()
            HTML.element("p", [("class", "who")]) { "评价模板：\(model.templateName)" }
            HTML.element("section", [("class", "cards"), ("aria-label", "年度概况")]) {
                Layout.card("全年预算数（万元）", model.adjusted, id: "adjusted")
                Layout.card("执行数（万元）", model.executed, id: "executed")
                Layout.card("预算执行率", model.rate, id: "rate")
                Layout.card("自评得分", "\(model.total)（\(model.grade)）", id: "total")
                if let supported = model.supported { Layout.card("按业务记录计分", supported, id: "supported") }
            }
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.evaluation(code: model.code, year: model.year).path)]) {
                    "查看每项得分的计算依据 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.indicators(code: model.code, year: model.year).path)]) {
                    "绩效指标与目标检查 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.narrative(code: model.code, year: model.year).path)]) {
                    "编辑报告文字 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.basics(code: model.code, year: model.year).path)]) {
                    "基本情况 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.evidence(code: model.code, year: model.year).path)]) {
                    "佐证材料 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.review(code: model.code, year: model.year).path), ("id", "review-link")]) {
                    "送审与审核 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.targets(code: model.code, year: model.year).path)]) {
                    "目标调整与目标记录 →"
                }
                for (kind, label) in [("activities", "活动记录"), ("procurements", "采购"), ("assets", "资产")] {
                    " "
                    HTML.element("a", [("href", SiteURL.records(code: model.code, year: model.year, kind: kind).path)]) {
                        label + " →"
                    }
                }
            }
            HTML.element("h2") { "运行监控（双监控）" }
            HTML.element("form", [("method", "get"), ("class", "filters"),
                                  ("action", SiteURL.year(code: model.code, year: model.year).path)]) {
                AsOfPicker.field(model.monitoring.asOf, year: model.year)
                HTML.element("button", [("type", "submit")]) { "查看" }
            }
            HTML.element("p", [("id", "monitoring")]) { MonitoringTable.summary(model.departmentYear, model.monitoring) }
            if !model.monitoring.warnings.isEmpty {
                HTML.element("ul", [("class", "warnings")]) {
                    for warning in model.monitoring.warnings {
                        HTML.element("li", [("class", "severity-\(warning.severity.rawValue)")]) {
                            FindingLinks.message(warning, in: model.departmentYear)
                        }
                    }
                }
            }
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.monitoring(code: model.code, year: model.year).path
                                        + "?asOf=\(model.monitoring.asOf)")]) { "运行监控详情与监控表 →" }
            }
            HTML.element("div", [("class", "charts")]) {
                for chart in model.charts { HTML.element("figure") { HTML.chart(chart.svg) } }
            }
            if !model.monitoring.workPlan.tasks.isEmpty {
                workPlan(model)
            }
            HTML.element("h2") { "预算执行" }
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.payments(code: model.code, year: model.year).path)]) {
                    "查看和录入支付明细 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.lines(code: model.code, year: model.year).path)]) {
                    "管理预算项目 →"
                }
            }
            HTML.element("table") {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["编码", "项目", "类别", "全年预算数（万元）", "执行数（万元）", "执行率"] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for line in model.lines {
                        HTML.element("tr") {
                            HTML.element("td") { line.code }
                            HTML.element("td") { line.name }
                            HTML.element("td") { line.kind }
                            HTML.element("td", [("class", "number")]) { line.adjusted }
                            HTML.element("td", [("class", "number")]) { line.executed }
                            HTML.element("td", [("class", "number")]) { line.rate }
                        }
                    }
                }
            }
            let mayChange = user.mayChange(organisation: model.code)
            if !model.projects.isEmpty || mayChange {
                ProjectView.list(model.projects, code: model.code, year: model.year, mayChange: mayChange)
            }
            HTML.element("h2") {
                let actionable = model.findings.filter(\.needsAction).count
                "发现的问题：待整改 \(actionable) 个" + (model.findings.count > actionable ? "，提示 \(model.findings.count - actionable) 个" : "")
            }
            if model.findings.isEmpty {
                HTML.element("p") { "未发现问题。" }
            } else {
                FindingLinks.list(model.findings, in: model.departmentYear, rectifying: FindingLinks.Rectifying(
                    listed: model.rectified, mayAct: user.role == .reviewer || mayChange, csrf: csrf))
            }
            if !model.carried.isEmpty { carried(model) }
            HTML.element("h2") { "报告下载" }
            HTML.element("p", [("class", "downloads")]) {
                for (format, label) in [("html", "网页版"), ("docx", "Word（公文格式）"), ("pdf", "PDF"),
                                        ("xlsx", "自评表 Excel"), ("json", "数据包 JSON")] {
                    HTML.element("a", [("href", SiteURL.report(code: model.code, year: model.year, format: format).path)]) {
                        label
                    }
                }
                HTML.element("a", [("href", SiteURL.workbook(code: model.code, year: model.year).path),
                                   ("id", "workbook-link")]) { "下载填报工作簿" }
                HTML.element("a", [("href", SiteURL.bundleArchive(code: model.code, year: model.year).path)]) {
                    "数据包及佐证材料 ZIP"
                }
            }
        }
    }

    /// The work plan's state and the tasks that need attention, each linked to its row on the work-plan page.
    private static func workPlan(_ model: OverviewModel) -> HTML {
        let url = SiteURL.workPlan(code: model.code, year: model.year).path
        return HTML.group {
            HTML.element("h2") { "工作计划" }
            HTML.element("p", [("id", "work-plan-summary")]) {
                "截至 \(model.monitoring.asOf)，" + MonitoringTable.workPlanSummary(model.monitoring.workPlan)
                " "
                HTML.element("a", [("href", url + "?asOf=\(model.monitoring.asOf)")]) { "查看工作计划 →" }
            }
            if !model.pressingTasks.isEmpty {
                HTML.element("ul", [("class", "warnings"), ("id", "pressing-tasks")]) {
                    for state in model.pressingTasks {
                        HTML.element("li", [("class", state.state == .overdue ? "severity-high" : "severity-medium")]) {
                            "【\(state.state.chinese)】"
                            HTML.element("a", [("href", url + "#task-\(state.task.id)")]) { state.task.title }
                            "（\(state.task.owner)，完成时限 \(state.task.due)，完成 \(state.progress.percentString(places: 0))）"
                        }
                    }
                }
            }
        }
    }


    /// Earlier years' 整改 items not yet done, each with its deadline and whether it is late on the as-of date.
    private static func carried(_ model: OverviewModel) -> HTML {
        HTML.group {
            HTML.element("h2", [("id", "carried")]) { "以前年度整改事项：未完成 \(model.carried.count) 项" }
            HTML.element("ul", [("class", "findings")]) {
                for item in model.carried {
                    let late = item.rectification.isOverdue(on: model.monitoring.asOf)
                    HTML.element("li") {
                        HTML.element("span", [("class", late ? "severity-high" : "severity-medium")]) {
                            "【\(item.year) 年第 \(item.number) 项·\(item.rectification.status.chinese)\(late ? "·已逾期" : "")】"
                        }
                        HTML.element("a", [("href", RectificationController.listPath(code: item.code, year: item.year)
                                                + "#item-\(item.code)-\(item.year)-\(item.number)")]) {
                            item.rectification.problem
                        }
                        HTML.element("br")
                        HTML.element("small") {
                            "责任人：\(item.rectification.owner)；整改期限：\(item.rectification.deadline.chinese)"
                        }
                    }
                }
            }
        }
    }
}
