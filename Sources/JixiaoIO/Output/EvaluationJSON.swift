import JixiaoCore

/// The machine-readable result of `jixiao evaluate --json` (DESIGN.md): decimals as strings, money in yuan with
/// two decimals, the rate half-up to four decimals, scores as the template rounds them.
public enum EvaluationJSON {
    public static func encode(_ year: DepartmentYear, _ evaluation: Evaluation, findings: [Finding]) -> JSONValue {
        let rounding = year.template.rounding
        let budget = evaluation.budget
        let rate: JSONValue = budget.rate.map { .string(Rounding(mode: .halfUp, places: 4).format($0)) } ?? .null
        let budgetJSON: JSONValue = .object([
            "initial": .string(budget.totals.initial.yuanString),
            "adjusted": .string(budget.totals.adjusted.yuanString),
            "executed": .string(budget.totals.executed.yuanString),
            "rate": rate,
            "weight": .string(budget.weight.description),
            "score": .string(rounding.format(budget.score)),
            "formula": .string(budget.formula),
        ])
        let indicators = zip(year.indicators, evaluation.indicators).map { indicator, score in
            indicatorJSON(indicator, score, rounding: rounding)
        }
        return .object([
            "department": .string(year.department.name),
            "year": .number(String(year.year)),
            "template": .string(evaluation.templateID),
            "budget": budgetJSON,
            "indicators": .array(indicators),
            "total": .string(rounding.format(evaluation.total)),
            "grade": .string(evaluation.grade),
            "findings": .array(findings.map(findingJSON)),
        ])
    }

    static func indicatorJSON(_ indicator: Indicator, _ score: IndicatorScore, rounding: Rounding) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(score.id)),
            .init("name", .string(indicator.name)),
            .init("weight", .string(score.weight.description)),
            .init("target", .string(indicator.targetText)),
            .init("actual", score.actual.map { .string($0.description) } ?? indicator.actualText.map(JSONValue.string)
                ?? .null),
            .init("score", .string(rounding.format(score.score))),
            .init("method", .string(score.method.rawValue)),
            .init("formula", .string(score.formula)),
        ]
        if case .measured(let records)? = score.actualSource, let measure = indicator.measure {
            members.append(.init("records", .array(records.map { .string("\(measure.source.rawValue)[\($0)]") })))
        }
        if let computed = score.computedScore {
            members.append(.init("computedScore", .string(rounding.format(computed))))
            members.append(.init("scoreReason", .string(score.overrideReason ?? "")))
        }
        return .object(members)
    }

    static func findingJSON(_ finding: Finding) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("code", .string(finding.code)),
            .init("severity", .string(finding.severity.rawValue)),
            .init("message", .string(finding.message)),
        ]
        if let subject = finding.subject { members.append(.init("subject", .string(subject))) }
        members.append(.init("evidence", .array(finding.evidence.map(JSONValue.string))))
        members.append(.init("measure", .string(finding.measure)))
        return .object(members)
    }
}
