/// Finds the problems in a department-year. Pure: the same year and evaluation give the same findings,
/// in a stable order (severity, then the order the rules and records come in).
public enum FindingsEngine {
    /// Every finding of the year, by the year's thresholds (``DepartmentYear/checks``); `support` is the score the
    /// records support when the caller has it already (else it is worked out here).
    public static func findings(_ year: DepartmentYear, evaluation: Evaluation, support: RecordSupport? = nil) -> [Finding] {
        let thresholds = year.checks
        let all = targetFindings(year)
            + resultFindings(year, evaluation: evaluation)
            + WorkPlanWarnings.yearEnd(year)
            + executionFindings(year, evaluation: evaluation, thresholds: thresholds)
            + procurementFindings(year, thresholds: thresholds)
            + assetFindings(year)
            + projectFindings(year)
            + crossChecks(year, evaluation: evaluation, thresholds: thresholds,
                          support: support ?? RecordSupport(year, evaluation: evaluation))
            + narrativeFigures(year, evaluation: evaluation)
        return all.enumerated()
            .sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    /// `indicators[3]`-style path of an indicator.
    static func path(ofIndicator id: String, in year: DepartmentYear) -> String? {
        year.indicators.firstIndex { $0.id == id }.map { "indicators[\($0)]" }
    }
}
