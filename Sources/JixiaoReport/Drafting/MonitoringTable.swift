import JixiaoCore

/// The monitoring table (绩效运行监控表) for a date as a document: the budget block (年初预算数, 1–N 月执行数, 全年预计
/// 执行数) and the indicator block (年度指标值, 1–N 月完成情况, 全年预计完成情况, 完成目标可能性, 偏差原因及改进措施), rendered by
/// the same renderers as the report.
public enum MonitoringTable {
    public static func build(_ year: DepartmentYear, report: MonitoringReport) -> ReportDocument {
        let title = "\(year.year)年度绩效运行监控表（截至 \(report.asOf.month) 月）"
        let summary = "截至 \(report.asOf.chinese)，序时进度 \(report.timeProgress.percentString(places: 2))，预算执行率 "
            + "\(report.total.rate?.percentString(places: 2) ?? "—")；按目前进度全年执行率预计约 "
            + "\(report.total.projectedRate?.percentString(places: 2) ?? "—")，预计自评总分 "
            + "\(year.template.rounding.format(report.projectedTotal))（\(report.projectedGrade)）。"
        return ReportDocument(titleLines: ReportBuilder.titleLines(year.department.name) + [title], blocks: [
            .paragraph(summary),
            .table(budget(year, report)),
            .table(indicators(year, report)),
            .heading(level: 1, text: report.warnings.isEmpty ? "三、预警：无" : "三、预警"),
        ] + report.warnings.enumerated().map { .paragraph("\($0.offset + 1). \($0.element.message)") })
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

    /// 年度指标值, 1–N 月完成情况, 全年预计完成情况, 完成目标可能性, 偏差原因及改进措施.
    private static func indicators(_ year: DepartmentYear, _ report: MonitoringReport) -> Table {
        let rows = [[Table.Cell.header("指标"), .header("年度指标值"), .header("1–\(report.asOf.month) 月完成情况"),
                     .header("全年预计完成情况"), .header("完成目标可能性"), .header("偏差原因及改进措施")]]
            + year.indicators.map { indicator -> [Table.Cell] in
                let projection = report.indicators.first { $0.id == indicator.id }
                return [Table.Cell(indicator.name), Table.Cell(IndicatorText.target(indicator), alignment: .center),
                        Table.Cell(projection.map { ChineseText.quantity($0.soFar.description, indicator.unit) } ?? "—",
                                   alignment: .center),
                        Table.Cell(projection.map {
                            ChineseText.quantity(Rounding(mode: .halfUp, places: 0).format($0.projected), indicator.unit)
                        } ?? "—", alignment: .center),
                        Table.Cell(likelihood(projection), alignment: .center),
                        Table.Cell(ChineseText.trimmed(indicator.deviation))]
            }
        return Table(caption: "二、绩效目标完成情况", columnWidths: [22, 14, 14, 14, 10, 26], headerRowCount: 1, rows: rows)
    }

    /// 完成目标可能性, estimated from the projection: full marks → 确定能; at least 80 % of the target → 有可能;
    /// less → 不可能. Indicators not measured from records are left for the department to judge.
    static func likelihood(_ projection: MonitoringReport.IndicatorProjection?) -> String {
        guard let projection else { return "待填报" }
        if projection.projectedScore >= projection.weight { return "确定能" }
        return projection.projected >= projection.target * Rational(8, 10) ? "有可能" : "不可能"
    }

    private static func wan(_ money: Money) -> Table.Cell {
        .number(Rounding(mode: .halfUp, places: 2).apply(Rational(Int128(money.fen), 1_000_000)), places: 2)
    }

    private static func percent(_ rate: Rational?) -> Table.Cell {
        rate.map { .percent(Rounding(mode: .halfUp, places: 4).apply($0), places: 2) } ?? .number("—")
    }
}
