import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport

/// `jixiao monitor BUNDLE --as-of DATE`: where the year stands on a date and where it is heading.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "In-year monitoring (双监控) and the year-end forecast on a date.",
        discussion: "Exits 0; warnings are listed, not errors. See docs/monitoring.md for the rules and the forecast.")

    @OptionGroup var input: BundleInput

    @Option(name: .customLong("as-of"), help: "The date to look from, YYYY-MM-DD.")
    var asOf: String

    @Option(help: "Warning rules: time-proportional or sichuan-2025.")
    var rules = "time-proportional"

    @Option(help: "How far behind 序时进度 or the plan a line may be, as a fraction (0.10 = 10 points).")
    var tolerance = "0.10"

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(name: [.short, .customLong("output")],
            help: "Write the monitoring table (绩效运行监控表) to a file: .html, .md, .docx or .xlsx.")
    var output: String?

    func validate() throws {
        guard CivilDate(iso: asOf) != nil else { throw ValidationError("--as-of must be a date, YYYY-MM-DD.") }
        guard MonitoringRules.Kind(rawValue: rules) != nil else {
            throw ValidationError("--rules must be time-proportional or sichuan-2025.")
        }
        guard let value = Rational(decimal: tolerance), value >= .zero, value <= .one else {
            throw ValidationError("--tolerance must be a fraction from 0 to 1.")
        }
    }

    func run() throws {
        let year = try input.load()
        let date = CivilDate(iso: asOf)!
        guard date.year == year.year else {
            Terminal.error("--as-of \(asOf) 不在数据的年度（\(year.year) 年）内")
            throw ExitCode(ExitCodes.invalidInput)
        }
        let chosen = MonitoringRules(kind: MonitoringRules.Kind(rawValue: rules)!, tolerance: Rational(decimal: tolerance)!)
        let report = Monitor.report(year, asOf: date, rules: chosen)
        let projects = ProjectMonitoring.all(year, asOf: date, rules: chosen)
        if let output {
            let document = MonitoringTable.build(year, report: report, projects: projects)
            let data: Data
            switch URL(fileURLWithPath: output).pathExtension.lowercased() {
            case "html", "htm": data = Data(HTMLRenderer.render(document).utf8)
            case "md": data = Data(MarkdownRenderer.render(document).utf8)
            case "docx": data = try DocxRenderer.render(document)
            case "xlsx": data = try XlsxRenderer.render(document)
            default:
                Terminal.error("\(output)：运行监控表只能写成 .html、.md、.docx 或 .xlsx 文件")
                throw ExitCode(ExitCodes.invalidInput)
            }
            try OutputFile.write(data, to: output, what: "运行监控表", statusOnStandardError: true)
        }
        Terminal.output(json ? MonitoringJSON.encode(year, report).serialized() : text(year, report, projects: projects))
    }

    private func text(_ year: DepartmentYear, _ report: MonitoringReport, projects: [ProjectMonitoring]) -> String {
        let rounding = year.template.rounding
        var lines = ["\(year.department.name) \(year.year) 年 · 截至 \(report.asOf)（序时进度 "
            + "\(report.timeProgress.percentString(places: 2))）"]
        lines.append("预算执行：\(report.total.executed.wanString) / \(report.total.adjusted.wanString) 万元，"
            + "执行率 \(report.total.rate?.percentString(places: 2) ?? "—")"
            + (report.goalProgress.map { "；目标进度 \($0.percentString(places: 2))" } ?? ""))
        lines.append("按目前进度，全年执行率预计约 \(report.total.projectedRate?.percentString(places: 2) ?? "—")，"
            + "预算执行得分预计 \(rounding.format(report.projectedBudgetScore)) / \(report.budgetWeight)"
            + "（少 \(rounding.format(report.budgetPointsAtRisk)) 分）；预计总分 \(rounding.format(report.projectedTotal))"
            + "（\(report.projectedGrade)）。")
        let atRisk = report.indicators.filter { ($0.likelihood ?? .certain) != .certain }
        if !atRisk.isEmpty {
            lines.append("可能完不成的指标：" + atRisk.map { "\($0.name)（\($0.likelihood?.chinese ?? "")）" }
                .joined(separator: "、"))
        }
        if !report.workPlan.tasks.isEmpty {
            lines.append("工作计划：" + MonitoringTable.workPlanSummary(report.workPlan))
        }
        lines.append(report.warnings.isEmpty ? "没有预警。" : "预警 \(report.warnings.count) 项：")
        for warning in report.warnings { lines.append("  [\(warning.severity.chinese)] \(warning.message)") }
        for (project, entry) in zip(year.projects, projects) {
            let own = entry.report
            lines.append("项目 \(entry.code) \(entry.name)：执行率 \(own.total.rate?.percentString(places: 2) ?? "—")，"
                + "全年预计 \(own.total.projectedRate?.percentString(places: 2) ?? "—")，预计得分 "
                + "\(project.template.rounding.format(own.projectedTotal))（\(own.projectedGrade)）"
                + (entry.warnings.isEmpty ? "。" : "；预警 \(entry.warnings.count) 项："))
            for warning in entry.warnings { lines.append("  [\(warning.severity.chinese)] \(warning.message)") }
        }
        return lines.joined(separator: "\n")
    }
}
