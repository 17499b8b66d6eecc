import JixiaoCore

/// The monitoring table (绩效运行监控表) for a date as a document: the budget block (年初预算数, 1–N 月执行数, 全年预计
/// 执行数) and the indicator block (年度指标值, 1–N 月完成情况, 全年预计完成情况, 完成目标可能性, 偏差原因及改进措施), rendered by
/// the same renderers as the report.
public enum MonitoringTable {
    /// The table; `projects` is the projects' monitoring on the same date, when the caller has it already.
    public static func build(_ year: DepartmentYear, report: MonitoringReport,
                             projects: [ProjectMonitoring]? = nil) -> ReportDocument {
        let title = "\(year.year)年度绩效运行监控表（截至 \(report.asOf.month) 月）"
        let projects = projects ?? ProjectMonitoring.all(year, asOf: report.asOf)
        let warnings = report.warnings + projects.flatMap(\.warnings)
        return ReportDocument(titleLines: ReportBuilder.titleLines(year.department.name) + [title], blocks: [
            .paragraph(summary(year, report)),
            .table(budget(year, report)),
        ] + self.projects(year, projects, asOf: report.asOf) + [
            .table(indicators(year, report)),
        ] + (report.workPlan.tasks.isEmpty ? [] : [.table(workPlan(report))]) + [
            .heading(level: 1, text: (report.workPlan.tasks.isEmpty ? "三" : "四") + (warnings.isEmpty ? "、预警：无" : "、预警")),
        ] + warnings.enumerated().map { .paragraph("\($0.offset + 1). \($0.element.message)") })
    }

    /// One sentence: 序时进度, execution so far, the projected execution rate and score.
    public static func summary(_ year: DepartmentYear, _ report: MonitoringReport) -> String {
        "截至 \(report.asOf.chinese)，序时进度 \(report.timeProgress.percentString(places: 2))，预算执行率 "
            + "\(report.total.rate?.percentString(places: 2) ?? "—")；按目前进度全年执行率预计约 "
            + "\(report.total.projectedRate?.percentString(places: 2) ?? "—")，预计自评总分 "
            + "\(year.template.rounding.format(report.projectedTotal))（\(report.projectedGrade)）。"
    }

    /// One sentence on the work plan: tasks done, overdue, due soon, not started, and the span-weighted progress.
    public static func workPlanSummary(_ progress: WorkPlanProgress) -> String {
        let count = { (state: WorkPlanProgress.State) in progress.tasks.filter { $0.state == state }.count }
        return "共 \(progress.tasks.count) 项任务：已完成 \(count(.done)) 项，逾期 \(count(.overdue)) 项，"
            + "即将到期 \(count(.dueSoon)) 项，未按期启动 \(count(.notStarted)) 项；总体进度 "
            + "\(progress.overall?.percentString(places: 0) ?? "—")（按计划工期加权）。"
    }

    /// 年初预算数, 全年预算数, 1–N 月执行数, 执行率, 全年预计执行数.
    private static func budget(_ year: DepartmentYear, _ report: MonitoringReport) -> Table {
        let rows = [[Table.Cell.header("项目"), .header("年初预算数（万元）"), .header("全年预算数（万元）"),
                     .header("1–\(report.asOf.month) 月执行数（万元）"), .header("执行率"),
                     .header("全年预计执行数（万元）"), .header("预计执行率")]]
            + (report.lines + [report.total]).map { status -> [Table.Cell] in
                let initial = year.budgetLines.first { $0.code == status.code }?.initial
                    ?? year.budgetLines.map(\.initial).sum()
                return [Table.Cell(status.code.isEmpty ? "合计" : "\(status.code) \(status.name)", isHeader: status.code.isEmpty),
                        wan(initial), wan(status.adjusted), wan(status.executed), percent(status.rate),
                        wan(status.projected), percent(status.projectedRate)]
            }
        return Table(caption: "一、预算执行情况", columnWidths: [24, 12, 12, 14, 9, 14, 9], headerRowCount: 1, rows: rows)
    }

    /// 项目运行情况 for a year with projects: each project's budget, execution so far, projected execution, projected
    /// score and grade by its own template, and how many warnings it has (listed with the department's).
    private static func projects(_ year: DepartmentYear, _ monitored: [ProjectMonitoring],
                                 asOf: CivilDate) -> [ReportDocument.Block] {
        guard !monitored.isEmpty else { return [] }
        let rows = [["项目", "全年预算数（万元）", "1–\(asOf.month) 月执行数（万元）", "执行率", "预计执行率", "预计得分",
                     "预警"].map { Table.Cell.header($0) }]
            + zip(year.projects, monitored).map { project, entry -> [Table.Cell] in
                let own = entry.report
                return [Table.Cell("\(entry.code) \(entry.name)"), wan(own.total.adjusted), wan(own.total.executed),
                        percent(own.total.rate), percent(own.total.projectedRate),
                        Table.Cell("\(project.template.rounding.format(own.projectedTotal))（\(own.projectedGrade)）",
                                   alignment: .center),
                        .number(String(entry.warnings.count))]
            }
        return [.table(Table(caption: "项目运行情况", columnWidths: [26, 12, 14, 9, 10, 12, 6], headerRowCount: 1,
                             rows: rows))]
    }

    /// 年度指标值, 1–N 月完成情况, 全年预计完成情况, 完成目标可能性, 偏差原因及改进措施.
    private static func indicators(_ year: DepartmentYear, _ report: MonitoringReport) -> Table {
        let rows = [[Table.Cell.header("指标"), .header("年度指标值"), .header("1–\(report.asOf.month) 月完成情况"),
                     .header("全年预计完成情况"), .header("完成目标可能性"), .header("偏差原因及改进措施")]]
            + year.indicators.map { indicator -> [Table.Cell] in
                let projection = report.indicators.first { $0.id == indicator.id }
                return [Table.Cell(indicator.name), Table.Cell(IndicatorText.target(indicator), alignment: .center),
                        Table.Cell(projection.map { ChineseText.quantity($0.soFar, indicator.unit) } ?? "—",
                                   alignment: .center),
                        Table.Cell(projection?.projected.map {
                            ChineseText.quantity(Rounding(mode: .halfUp, places: 0).format($0), indicator.unit)
                        } ?? "—", alignment: .center),
                        Table.Cell(projection?.likelihood?.chinese ?? "待填报", alignment: .center),
                        Table.Cell(deviation(indicator, projection))]
            }
        return Table(caption: "二、绩效目标完成情况", columnWidths: [22, 14, 14, 14, 10, 26], headerRowCount: 1, rows: rows)
    }

    /// The reported cause and remedy, else the indicator's written deviation analysis.
    static func deviation(_ indicator: Indicator, _ projection: MonitoringReport.IndicatorProjection?) -> String {
        let reported = [projection?.cause.map { "原因：\($0.chinese)" }, projection.flatMap {
            $0.remedy.isEmpty ? nil : "措施：\($0.remedy)"
        }].compactMap { $0 }
        return reported.isEmpty ? ChineseText.trimmed(indicator.deviation) : reported.joined(separator: "；")
    }

    /// 任务, 责任人, 计划时间, 状态, 完成进度 for every task of the work plan.
    private static func workPlan(_ report: MonitoringReport) -> Table {
        let rows = [[Table.Cell.header("任务"), .header("责任人"), .header("计划时间"), .header("状态"),
                     .header("完成进度")]]
            + report.workPlan.tasks.map { state -> [Table.Cell] in
                [Table.Cell(state.task.title), Table.Cell(state.task.owner, alignment: .center),
                 Table.Cell("\(state.task.start)至\(state.task.due)", alignment: .center),
                 Table.Cell(state.state.chinese, alignment: .center),
                 .percent(Rounding(mode: .halfUp, places: 2).apply(state.progress), places: 0)]
            }
        return Table(caption: "三、重点工作任务推进情况", columnWidths: [36, 14, 22, 12, 10], headerRowCount: 1, rows: rows)
    }

    private static func wan(_ money: Money) -> Table.Cell {
        .number(Rounding(mode: .halfUp, places: 2).apply(money.wan), places: 2)
    }

    private static func percent(_ rate: Rational?) -> Table.Cell {
        rate.map { .percent(Rounding(mode: .halfUp, places: 4).apply($0), places: 2) } ?? .number("—")
    }
}
