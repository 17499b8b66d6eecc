import JixiaoCore
import JixiaoReport

/// 运行监控 on a date: the figures, the charts, the warnings linked to their records, and the monitoring table with
/// its downloads.
enum MonitoringView {
    /// The page; `monitored` is each project on the same date by the same rules (its table here and its block of
    /// the monitoring table below).
    static func render(_ year: DepartmentYear, report: MonitoringReport, projects monitored: [ProjectMonitoring],
                       rules: MonitoringRules.Kind,
                       user: CurrentUser, csrf: String) -> String {
        let (code, number) = (year.department.code, year.year)
        let query = "?asOf=\(report.asOf)&rules=\(rules.rawValue)"
        return Layout.page(title: "运行监控", user: user, csrf: csrf) {
            Layout.heading("运行监控（截至 \(report.asOf)）", code: code, name: year.department.name, year: number)
            HTML.element("form", [("method", "get"), ("class", "filters"),
                                  ("action", SiteURL.monitoring(code: code, year: number).path)]) {
                AsOfPicker.field(report.asOf, year: number)
                HTML.element("label") {
                    "预警规则"
                    HTML.element("select", [("name", "rules")]) {
                        for (kind, label) in [(MonitoringRules.Kind.timeProportional, "序时进度（落后超过 10 个百分点）"),
                                              (.sichuan2025, "四川 2025（4/6/8/10 月末 25/40/60/80%）")] {
                            HTML.element("option", [("value", kind.rawValue), ("selected", kind == rules ? "selected" : nil)]) {
                                label
                            }
                        }
                    }
                }
                HTML.element("button", [("type", "submit")]) { "查看" }
            }
            HTML.element("section", [("class", "cards"), ("aria-label", "监控概况")]) {
                Layout.card("序时进度", report.timeProgress.percentString(places: 2), id: "time-progress")
                Layout.card("预算执行率", report.total.rate?.percentString(places: 2) ?? "—", id: "rate-so-far")
                Layout.card("预计全年执行率", report.total.projectedRate?.percentString(places: 2) ?? "—", id: "projected-rate")
                Layout.card("预计自评总分", "\(year.template.rounding.format(report.projectedTotal))（\(report.projectedGrade)）",
                     id: "projected-total")
                Layout.card("预算执行预计失分", year.template.rounding.format(report.budgetPointsAtRisk), id: "points-at-risk")
            }
            HTML.element("p", [("id", "monitoring")]) { MonitoringTable.summary(year, report) }
            HTML.element("h2") { report.warnings.isEmpty ? "预警：无" : "预警（\(report.warnings.count)）" }
            HTML.element("ul", [("class", "warnings")]) {
                for warning in report.warnings {
                    HTML.element("li", [("class", "severity-\(warning.severity.rawValue)")]) {
                        "【\(warning.severity.chinese)】"
                        FindingLinks.message(warning, in: year)
                    }
                }
            }
            if !monitored.isEmpty { projects(year, monitored, report: report) }
            HTML.element("div", [("class", "charts")]) {
                HTML.element("figure") { HTML.chart(Charts.cumulativeExecution(year, asOf: report.asOf).svg) }
                if !year.workPlan.isEmpty {
                    HTML.element("figure") { HTML.chart(Charts.workPlanTimeline(year, asOf: report.asOf).svg) }
                }
            }
            HTML.element("h2") { "绩效运行监控表" }
            HTML.element("p", [("class", "downloads")]) {
                for (format, label) in [("docx", "Word"), ("xlsx", "Excel"), ("pdf", "PDF"), ("html", "网页版")] {
                    HTML.element("a", [("href", SiteURL.monitoringTable(code: code, year: number, format: format).path
                                            + query)]) { "监控表 \(label)" }
                }
            }
            HTML.element("div", [("class", "monitoring-table")]) {
                HTML.report(MonitoringTable.build(year, report: report, projects: monitored).blocks.filter {
                    if case .table = $0 { true } else { false }
                })
            }
        }
    }


    /// 项目监控: each project's execution against 序时进度, its forecast execution, score and grade by its own
    /// template, and its own warnings.
    private static func projects(_ year: DepartmentYear, _ projects: [ProjectMonitoring],
                                 report: MonitoringReport) -> HTML {
        HTML.group {
            HTML.element("h2") { "项目监控（\(projects.count) 个项目）" }
            HTML.element("div", [("class", "table-scroll")]) {
                HTML.element("table", [("id", "project-monitoring")]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for title in ["项目", "全年预算数（万元）", "截至当日执行率", "预计全年执行率", "预计得分", "预警"] {
                                HTML.element("th") { title }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for (project, entry) in zip(year.projects, projects) {
                            let own = entry.report
                            let behind = own.total.rate.map { $0 < report.timeProgress } ?? false
                            HTML.element("tr", [("id", "project-\(entry.code)")]) {
                                HTML.element("td") {
                                    HTML.element("a", [("href", SiteURL.project(code: year.department.code, year: year.year,
                                                                                project: entry.code).path)]) {
                                        "\(entry.code) \(entry.name)"
                                    }
                                }
                                HTML.element("td", [("class", "number")]) { own.total.adjusted.wanString }
                                HTML.element("td", [("class", behind ? "number severity-high" : "number")]) {
                                    own.total.rate?.percentString(places: 2) ?? "—"
                                }
                                HTML.element("td", [("class", "number")]) {
                                    own.total.projectedRate?.percentString(places: 2) ?? "—"
                                }
                                HTML.element("td", [("class", "number")]) {
                                    "\(project.template.rounding.format(own.projectedTotal))（\(own.projectedGrade)）"
                                }
                                HTML.element("td", [("class", "number")]) { String(entry.warnings.count) }
                            }
                        }
                    }
                }
            }
            let warnings = projects.flatMap(\.warnings)
            if !warnings.isEmpty {
                HTML.element("ul", [("class", "warnings"), ("id", "project-warnings")]) {
                    for warning in warnings {
                        HTML.element("li", [("class", "severity-\(warning.severity.rawValue)")]) {
                            "【\(warning.severity.chinese)】"
                            FindingLinks.message(warning, in: year)
                        }
                    }
                }
            }
        }
    }
}

/// The as-of date field, limited to the year.
enum AsOfPicker {
    static func field(_ date: CivilDate, year: Int) -> HTML {
        HTML.element("label") {
            "截至日期"
            HTML.element("input", [("type", "date"), ("name", "asOf"), ("value", date.description),
                                   ("min", "\(year)-01-01"), ("max", "\(year)-12-31")])
        }
    }
}
