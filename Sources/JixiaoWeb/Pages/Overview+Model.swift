import Foundation
import JixiaoCore
import JixiaoReport
import JixiaoStore

/// What the year overview shows: budget and execution, score so far, the open findings.
struct OverviewModel: Sendable {
    /// The year shown, for links to the records behind warnings and findings.
    let departmentYear: DepartmentYear
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
    /// The total the department's records support, when they contradict a typed actual: e.g. `96.40（自评高出 1.50）`.
    let supported: String?
    let lines: [Line]
    /// The year's projects, each scored on its own.
    let projects: [ProjectSummary]
    let findings: [Finding]
    let charts: [Chart]
    /// The in-year view on the as-of date.
    let monitoring: MonitoringReport
    /// The 整改 items made of this year's findings, by the finding they came from.
    var rectified: [String: Rectifications.Item] = [:]
    /// Earlier years' 整改 items not yet done: followed here until they are.
    var carried: [Rectifications.Item] = []
    /// The work plan's tasks that need attention on the date: overdue, not started, due soon.
    var pressingTasks: [WorkPlanProgress.TaskState] {
        monitoring.workPlan.tasks.filter { $0.state < .suspended }.sorted { $0.state < $1.state }
    }

    struct Line: Sendable {
        let code: String
        let name: String
        let kind: String
        let adjusted: String
        let executed: String
        let rate: String
    }

    /// What an overview is worked out from besides the year and its assessment (which its revision stands for).
    struct Inputs: Equatable, Sendable {
        var revision: YearRepository.Revision
        var asOf: CivilDate
        /// Last year's payments by line and month, which the forecast falls back on.
        var lastYear: [String: [MonthlyAmount]]
        /// The generation of the province's text of the year, which 文字雷同 is found in
        /// (``PassageFingerprints/generation(year:)``), and whether the other departments are named.
        var textGeneration: String
        var namingOthers: Bool
    }

    /// Overviews worked out, one a department-year: a year's overview is worked out again only when anything it is
    /// made from changed (mostly the revision, or the date at midnight).
    private static let keptOverviews = KeptCache<Viewed, Inputs, OverviewModel>(capacity: 512)

    /// An overview as kept: of a year, with the other departments of its 文字雷同 named (the bureau) or not.
    private struct Viewed: Hashable, Sendable {
        var yearID: UUID
        var namingOthers: Bool
    }

    /// The overview of `year` (at `inputs.revision`, assessed by `assessment`) as ``init(_:assessment:asOf:sharedText:)``
    /// makes it with the 文字雷同 findings `sharedText` gives (asked only when it is made), kept for as long as its
    /// inputs stay the same.
    static func kept(_ year: DepartmentYear, assessment: Assessment, inputs: Inputs,
                     sharedText: () async throws -> [Finding]) async throws -> OverviewModel {
        let viewed = Viewed(yearID: inputs.revision.yearID, namingOthers: inputs.namingOthers)
        if let kept = keptOverviews.value(for: viewed, at: inputs) { return kept }
        let model = OverviewModel(year.fillingLastYear(inputs.lastYear), assessment: assessment, asOf: inputs.asOf,
                                  sharedText: try await sharedText())
        keptOverviews.keep(model, for: viewed, at: inputs)
        return model
    }

    /// The overview with this year's and earlier years' 整改 items from the store.
    func withRectifications(_ repository: Rectifications) async throws -> OverviewModel {
        var model = self
        let items = try await repository.items(organisation: code)
        for item in items where item.year == year {
            model.rectified[FindingLinks.Rectifying.key(code: item.rectification.findingCode,
                                                        subject: item.rectification.subject)] = item
        }
        model.carried = Rectifications.carried(items, into: year)
        return model
    }

    /// The overview of `year` as `assessment` scores it, with the in-year view on a date; `sharedText` are the
    /// year's 文字雷同 findings, listed with the rest.
    init(_ year: DepartmentYear, assessment: Assessment, asOf date: CivilDate, sharedText: [Finding] = []) {
        departmentYear = year
        let evaluation = assessment.evaluation
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
        let support = assessment.support
        findings = assessment.findings + sharedText
        supported = support.items.isEmpty ? nil
            : rounding.format(support.supportedTotal) + "（自评高出 \(rounding.format(support.difference))）"
        lines = year.budgetLines.map { line in
            let spent = executedByLine[line.code] ?? .zero
            return Line(code: line.code, name: line.name, kind: line.kind.chinese, adjusted: line.adjusted.wanString,
                        executed: spent.wanString,
                        rate: Rational.ratio(spent, of: line.adjusted)?.percentString(places: 2) ?? "—")
        }
        projects = ProjectSummary.all(in: year, assessment)
        monitoring = Monitor.report(year, asOf: date)
        charts = [Charts.cumulativeExecution(year, asOf: date), Charts.executionByLine(year),
                  Charts.scoreByLevel(year, evaluation: evaluation)]
    }
}
