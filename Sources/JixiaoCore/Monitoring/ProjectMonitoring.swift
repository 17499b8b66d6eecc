/// Each project of a year on a date, monitored as a year of its own (双监控 applies to each project): its execution
/// against 序时进度 and its plan, its indicators' progress and forecast, its projected score and grade by its own
/// template — and the warnings that concern it alone, attributed to it.
public struct ProjectMonitoring: Sendable, Hashable {
    public let code: String
    public let name: String
    public let report: MonitoringReport
    /// The project's own warnings: its total behind time or checkpoints, its goals out of step with its money, its
    /// indicators unlikely to be met. (Its lines are warned about once, with the department's.)
    public let warnings: [Finding]

    /// Every project of `year` on `asOf`.
    public static func all(_ year: DepartmentYear, asOf: CivilDate,
                           rules: MonitoringRules = MonitoringRules()) -> [ProjectMonitoring] {
        year.projects.enumerated().map { index, project in
            let report = Monitor.report(year.year(of: project), asOf: asOf, rules: rules)
            let own = report.warnings.filter { warning in
                warning.subject.map { $0 == "budget" || $0.hasPrefix("indicators") } ?? false
            }
            return ProjectMonitoring(code: project.code, name: project.name, report: report, warnings: own.map { warning in
                var attributed = warning
                attributed.message = "项目“\(project.name)”（\(project.code)）：" + warning.message
                attributed.subject = warning.subject.map { "projects[\(index)].\($0)" }
                return attributed
            })
        }
    }
}
