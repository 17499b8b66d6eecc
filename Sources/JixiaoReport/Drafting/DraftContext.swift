import JixiaoCore

/// The data one report is drafted from, with the figures the sections share computed once.
struct DraftContext {
    let year: DepartmentYear
    let evaluation: Evaluation
    let findings: [Finding]
    let executedByLine: [String: Money]

    init(year: DepartmentYear, evaluation: Evaluation, findings: [Finding]) {
        self.year = year
        self.evaluation = evaluation
        self.findings = findings
        self.executedByLine = year.executedByLine()
    }

    var rounding: Rounding { year.template.rounding }

    /// The human text of a section as paragraphs; empty when none was written.
    func written(_ section: NarrativeSection) -> [ReportDocument.Block] {
        ChineseText.paragraphs(year.narrative[section] ?? "").map(ReportDocument.Block.paragraph)
    }

    /// Findings that count as problems (high and medium), in report order.
    var actionableFindings: [Finding] { findings.filter(\.needsAction) }
}
