import JixiaoCore

/// `jixiao monitor --json`: money in yuan with two decimals, rates half-up to four decimals, scores as the template
/// rounds them.
public enum MonitoringJSON {
    public static func encode(_ year: DepartmentYear, _ report: MonitoringReport) -> JSONValue {
        let rounding = year.template.rounding
        func rate(_ value: Rational?) -> JSONValue {
            value.map { .string(Rounding(mode: .halfUp, places: 4).format($0)) } ?? .null
        }
        func line(_ status: MonitoringReport.LineStatus) -> JSONValue {
            .object(["code": .string(status.code), "name": .string(status.name),
                     "adjusted": .string(status.adjusted.yuanString), "executed": .string(status.executed.yuanString),
                     "planned": status.planned.map { .string($0.yuanString) } ?? .null, "rate": rate(status.rate),
                     "projected": .string(status.projected.yuanString), "projectedRate": rate(status.projectedRate)])
        }
        return .object([
            "department": .string(year.department.name), "year": .number(String(year.year)),
            "asOf": .string(report.asOf.description), "timeProgress": rate(report.timeProgress),
            "total": line(report.total), "lines": .array(report.lines.map(line)),
            "goalProgress": rate(report.goalProgress),
            "forecast": .object([
                "executionRate": rate(report.total.projectedRate),
                "budgetScore": .string(rounding.format(report.projectedBudgetScore)),
                "budgetWeight": .string(report.budgetWeight.description),
                "budgetPointsAtRisk": .string(rounding.format(report.budgetPointsAtRisk)),
                "total": .string(rounding.format(report.projectedTotal)), "grade": .string(report.projectedGrade),
                "indicators": .array(report.indicators.map { indicator in
                    .object(["id": .string(indicator.id), "name": .string(indicator.name),
                             "target": .string(indicator.target.description), "soFar": .string(indicator.soFar.description),
                             "projected": .string(Rounding(mode: .halfUp, places: 2).format(indicator.projected)),
                             "weight": .string(indicator.weight.description),
                             "projectedScore": .string(rounding.format(indicator.projectedScore))])
                }),
            ]),
            "warnings": .array(report.warnings.map(EvaluationJSON.findingJSON)),
        ])
    }
}
