/// A year scored by its template, with the total its records support and every finding: what a year's pages show
/// of it, worked out in one place so that a year read once is assessed once.
public struct Assessment: Sendable {
    public let evaluation: Evaluation
    /// Each of the year's projects scored on its own (``DepartmentYear/year(of:)``), in order.
    public let projects: [Evaluation]
    public let support: RecordSupport
    public let findings: [Finding]

    /// The year's assessment. Last year's payments by month (``DepartmentYear/fillingLastYear(_:)``) only shape the
    /// in-year forecast, so a year assessed before they are filled in is assessed the same.
    public init(_ year: DepartmentYear) {
        evaluation = Evaluator.evaluate(year)
        projects = year.projects.map { Evaluator.evaluate(year.year(of: $0)) }
        support = RecordSupport(year, evaluation: evaluation)
        findings = FindingsEngine.findings(year, evaluation: evaluation, support: support)
    }
}
