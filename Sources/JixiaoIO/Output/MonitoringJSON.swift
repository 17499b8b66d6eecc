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
                     "projected": .string(status.projected.yuanString), "projectedRate": rate(status.projectedRate),
                     "method": .string(status.method.rawValue)])
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
                "indicators": .array(report.indicators.map { indicator(year, $0, rounding: rounding) }),
            ]),
            "workPlan": workPlan(report.workPlan, rate: rate),
            "warnings": .array(report.warnings.map(EvaluationJSON.findingJSON)),
        ])
    }

    private static func indicator(_ year: DepartmentYear, _ projection: MonitoringReport.IndicatorProjection,
                                  rounding: Rounding) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return .object([
            "id": .string(projection.id), "name": .string(projection.name),
            "target": text(year.indicators.first { $0.id == projection.id }?.targetText),
            "source": .string(projection.source.rawValue), "soFar": .string(projection.soFar),
            "projected": text(projection.projected.map { Rounding(mode: .halfUp, places: 2).format($0) }),
            "likelihood": text(projection.likelihood?.rawValue), "likelihoodJudged": .bool(projection.likelihoodJudged),
            "cause": text(projection.cause?.rawValue), "remedy": .string(projection.remedy),
            "weight": .string(projection.weight.description),
            "projectedScore": text(projection.projectedScore.map(rounding.format)),
        ])
    }

    private static func workPlan(_ progress: WorkPlanProgress, rate: (Rational?) -> JSONValue) -> JSONValue {
        .object([
            "progress": rate(progress.overall),
            "keyTasks": .array(progress.keyTasks.map { key in
                .object(["number": key.number.map { .number(String($0)) } ?? .null, "title": .string(key.title),
                         "tasks": .number(String(key.tasks)), "done": .number(String(key.done)),
                         "overdue": .number(String(key.overdue)), "progress": rate(key.progress)])
            }),
            "tasks": .array(progress.tasks.map { state in
                .object(["id": .string(state.task.id), "title": .string(state.task.title),
                         "due": .string(state.task.due.description), "state": .string(state.state.rawValue),
                         "progress": rate(state.progress), "daysOverdue": .number(String(state.daysOverdue))])
            }),
        ])
    }
}
