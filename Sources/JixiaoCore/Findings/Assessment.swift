/// A year scored by its template, with the total its records support and every finding: what a year's pages show
/// of it, worked out in one place so that a year read once is assessed once.
public struct Assessment: Sendable {
    public let evaluation: Evaluation
    public let support: RecordSupport
    public let findings: [Finding]

    /// The year's assessment. Last year's payments by month (``DepartmentYear/fillingLastYear(_:)``) only shape the
    /// in-year forecast, so a year assessed before they are filled in is assessed the same.
    public init(_ year: DepartmentYear) {
        evaluation = Evaluator.evaluate(year)
        support = RecordSupport(year, evaluation: evaluation)
        findings = FindingsEngine.findings(year, evaluation: evaluation, support: support)
    }
}
