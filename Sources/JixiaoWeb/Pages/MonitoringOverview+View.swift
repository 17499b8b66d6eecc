import JixiaoCore
import JixiaoStore

/// The departments of a year on a date — or their projects — furthest behind 序时进度 first.
struct MonitoringOverviewModel {
    struct Row {
        let row: MonitoringOverview.Row
        /// 序时进度 minus the execution rate; positive when behind.
        let lag: Rational?
        let behind: Bool
        /// What should be paid by the date (plan where a line has one, else 序时进度).
        let due: Money

        /// What ``due`` is made of: `按月度计划`, `按序时进度`, or how many lines follow a plan.
        var dueBasis: String {
            switch row.plannedLines {
            case 0: "按序时进度"
            case row.lines: "按月度计划"
            default: "\(row.plannedLines)/\(row.lines) 个项目按月度计划，其余按序时进度"
            }
        }
    }

    let year: Int
    let years: [Int]
    let asOf: CivilDate
    /// Whether the rows are projects rather than departments.
    let byProject: Bool
    let timeProgress: Rational
    let rows: [Row]
    let tolerance: Rational
    /// Each department's review rounds in words, by code (rounds never stepped are 编制中).
    let review: [String: String]

    init(year: Int, years: [Int], asOf: CivilDate, byProject: Bool = false, rows: [MonitoringOverview.Row],
         tolerance: Rational, rounds: [ReviewCampaigns.Entry]) {
        self.byProject = byProject
        self.year = year
        var states: [String: [ReviewRound: ReviewState]] = [:]
        for entry in rounds where entry.year == year { states[entry.code, default: [:]][entry.round] = entry.status.state }
        review = Dictionary(rows.map { row in (row.code, Self.reviewText(states[row.code] ?? [:])) },
                            uniquingKeysWith: { first, _ in first })
        self.years = years
        self.asOf = asOf
        self.tolerance = tolerance
        let time = Monitor.timeProgress(year, on: asOf)
        timeProgress = time
        self.rows = rows.map { row in
            let lag = row.rate.map { time - $0 }
            return Row(row: row, lag: lag, behind: lag.map { $0 > tolerance } ?? false, due: row.due(timeProgress: time))
        }.sorted {
            ($0.lag ?? .zero, $1.row.code, $1.row.project?.code ?? "") > ($1.lag ?? .zero, $0.row.code, $0.row.project?.code ?? "")
        }
    }
}

extension MonitoringOverviewModel {
    /// `目标：财政已审核；自评：编制中`.
    static func reviewText(_ states: [ReviewRound: ReviewState]) -> String {
        ReviewRound.allCases.map { round in
            "\(round == .targets ? "目标" : "自评")：\((states[round] ?? .drafting).chinese(in: round))"
        }.joined(separator: "；")
    }
}

enum MonitoringOverviewView {
    /// The page lists a page of the departments (`paging`), furthest behind first; the CSV file has them all.
    static func render(_ model: MonitoringOverviewModel?, paging: Paging, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "运行监控总览", user: user, csrf: csrf) {
            HTML.element("h1") { "运行监控总览" }
            if let model {
                HTML.element("form", [("method", "get"), ("class", "filters"), ("action", SiteURL.monitoringOverview.path)]) {
                    HTML.element("label") {
                        "年度"
                        HTML.element("select", [("name", "year")]) {
                            for year in model.years {
                                HTML.element("option", [("value", String(year)), ("selected", year == model.year ? "selected" : nil)]) {
                                    "\(year) 年"
                                }
                            }
                        }
                    }
                    AsOfPicker.field(model.asOf, year: model.year)
                    FormControls.filter("view", "列出", everything: "部门", options: [("projects", "项目")],
                                        selected: model.byProject ? "projects" : nil)
                    HTML.element("button", [("type", "submit")]) { "查看" }
                }
                let noun = model.byProject ? "项目" : "部门"
                HTML.element("p", [("id", "overview-summary")]) {
                    "截至 \(model.asOf)，序时进度 \(model.timeProgress.percentString(places: 2))；\(model.rows.count) 个\(noun)中，"
                        + "\(model.rows.filter(\.behind).count) 个执行率落后序时进度超过 \(model.tolerance.percentString(places: 0))"
                        + (model.byProject ? "。" : "，\(model.rows.filter { $0.row.overdueTasks > 0 }.count) 个有逾期任务。")
                }
                HTML.element("p", [("class", "downloads")]) {
                    HTML.element("a", [("href", SiteURL.monitoringOverviewCSV.path + "?year=\(model.year)&asOf=\(model.asOf)"
                                            + (model.byProject ? "&view=projects" : ""))]) {
                        "下载全部\(noun)（CSV）"
                    }
                }
                let query: [(String, String?)] = [("year", String(model.year)), ("asOf", model.asOf.description),
                                                  ("view", model.byProject ? "projects" : nil)]
                paging.links(.monitoringOverview, query: query, noun: "个\(noun)")
                table(model, paging: paging)
                paging.links(.monitoringOverview, query: query, noun: "个\(noun)")
            } else {
                HTML.element("p") { "还没有可查看的部门年度数据。" }
            }
        }
    }

    private static func table(_ model: MonitoringOverviewModel, paging: Paging) -> HTML {
        HTML.element("table", [("id", model.byProject ? "projects" : "departments")]) {
            HTML.element("thead") {
                HTML.element("tr") {
                    for title in ["部门"] + (model.byProject ? ["项目"] : [])
                        + ["全年预算数（万元）", "截至当日支付（万元）", "执行率", "落后序时进度", "截至当日应支付（万元）"]
                        + (model.byProject ? [] : ["逾期任务"]) + ["审核状态"] {
                        HTML.element("th") { title }
                    }
                }
            }
            HTML.element("tbody") {
                for entry in model.rows[paging.range] {
                    let row = entry.row
                    HTML.element("tr", [("id", row.project.map { "project-\(row.code)-\($0.code)" } ?? "department-\(row.code)")]) {
                        HTML.element("td") {
                            HTML.element("a", [("href", SiteURL.monitoring(code: row.code, year: model.year).path
                                                    + "?asOf=\(model.asOf)")]) { row.name }
                        }
                        if let project = row.project {
                            HTML.element("td") {
                                HTML.element("a", [("href", SiteURL.project(code: row.code, year: model.year,
                                                                            project: project.code).path)]) {
                                    "\(project.code) \(project.name)"
                                }
                                if !project.owner.isEmpty { HTML.element("span", [("class", "basis")]) { project.owner } }
                            }
                        }
                        HTML.element("td", [("class", "number")]) { row.adjusted.wanString }
                        HTML.element("td", [("class", "number")]) { row.executed.wanString }
                        HTML.element("td", [("class", "number")]) { row.rate?.percentString(places: 2) ?? "—" }
                        HTML.element("td", [("class", entry.behind ? "number severity-high" : "number")]) {
                            entry.lag.map { $0 > .zero ? "\(Rounding(mode: .halfUp, places: 2).format($0 * 100)) 个百分点" : "—" } ?? "—"
                        }
                        HTML.element("td", [("class", "number")]) {
                            entry.due.wanString
                            HTML.element("span", [("class", "basis")]) { entry.dueBasis }
                        }
                        if !model.byProject {
                            HTML.element("td", [("class", row.overdueTasks > 0 ? "number severity-high" : "number")]) {
                                row.tasks == 0 ? "—" : "\(row.overdueTasks) / \(row.tasks)"
                            }
                        }
                        HTML.element("td") { model.review[row.code] ?? "" }
                    }
                }
            }
        }
    }
}
