import JixiaoCore
import JixiaoReport

/// What the year overview shows: budget and execution, score so far, the open findings.
struct OverviewModel {
    let code: String
    let name: String
    let year: Int
    let templateName: String
    let adjusted: String
    let executed: String
    let rate: String
    let total: String
    let grade: String
    let budgetScore: String
    let lines: [Line]
    let findings: [Finding]
    let charts: [Chart]
    /// The in-year view on the as-of date.
    let monitoring: MonitoringReport
    let monitoringScore: String

    struct Line {
        let code: String
        let name: String
        let kind: String
        let adjusted: String
        let executed: String
        let rate: String
    }

    /// The overview on a date: the year end for a year that is over (or when no date is given).
    init(_ year: DepartmentYear, asOf: CivilDate? = nil) {
        let evaluation = Evaluator.evaluate(year)
        let rounding = year.template.rounding
        let executedByLine = year.executedByLine()
        code = year.department.code
        name = year.department.name
        self.year = year.year
        templateName = year.template.name
        adjusted = evaluation.budget.totals.adjusted.wanString
        executed = evaluation.budget.totals.executed.wanString
        rate = evaluation.budget.rate?.percentString(places: 2) ?? "—"
        total = rounding.format(evaluation.total)
        grade = evaluation.grade
        budgetScore = rounding.format(evaluation.budget.score) + " / \(evaluation.budget.weight)"
        lines = year.budgetLines.map { line in
            let spent = executedByLine[line.code] ?? .zero
            return Line(code: line.code, name: line.name, kind: line.kind.chinese, adjusted: line.adjusted.wanString,
                        executed: spent.wanString,
                        rate: Rational.ratio(spent, of: line.adjusted)?.percentString(places: 2) ?? "—")
        }
        findings = FindingsEngine.findings(year, evaluation: evaluation)
        let date = asOf.flatMap { $0.year == year.year ? $0 : nil } ?? CivilDate(year: year.year, month: 12, day: 31)!
        monitoring = Monitor.report(year, asOf: date)
        monitoringScore = rounding.format(monitoring.projectedTotal)
        charts = [Charts.cumulativeExecution(year, asOf: date), Charts.executionByLine(year),
                  Charts.scoreByLevel(year, evaluation: evaluation)]
    }
}
