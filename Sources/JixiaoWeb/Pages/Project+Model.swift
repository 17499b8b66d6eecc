import JixiaoCore
import JixiaoStore

/// A project of the year in figures and words, scored by its own template: what the overview lists.
struct ProjectSummary: Sendable {
    let code: String
    let name: String
    let owner: String
    let lines: String
    let adjusted: String
    let executed: String
    let rate: String
    let total: String
    let grade: String

    init(_ year: DepartmentYear, _ project: Project, evaluation: Evaluation) {
        code = project.code
        name = project.name
        owner = project.owner.isEmpty ? "—" : project.owner
        lines = project.lines.joined(separator: "、")
        adjusted = evaluation.budget.totals.adjusted.wanString
        executed = evaluation.budget.totals.executed.wanString
        rate = evaluation.budget.rate?.percentString(places: 2) ?? "—"
        total = project.template.rounding.format(evaluation.total)
        grade = evaluation.grade
    }

    /// Every project of the year, each as `assessment` scores it on its own.
    static func all(in year: DepartmentYear, _ assessment: Assessment) -> [ProjectSummary] {
        zip(year.projects, assessment.projects).map { ProjectSummary(year, $0, evaluation: $1) }
    }
}

/// 项目: one project's page — its figures, goal and actual, each indicator's score with how it was computed and
/// its evidence, the findings attributed to it, and its table's downloads.
struct ProjectModel {
    /// The department's year, for the findings' links.
    let departmentYear: DepartmentYear
    let code: String
    let name: String
    let year: Int
    let summary: ProjectSummary
    let templateName: String
    let budgetScore: String
    let goal: String
    let achieved: String
    let indicators: [EvaluationModel.Row]
    let findings: [Finding]
    /// The project's work plan on the day asked for: the tasks that spend from its lines or serve its indicators.
    let workPlan: WorkPlanProgress

    init(_ year: DepartmentYear, project: Project, evidence: [EvidenceRepository.Entry], asOf: CivilDate) {
        let projectYear = year.year(of: project)
        workPlan = WorkPlanProgress.on(projectYear, asOf: asOf)
        let evaluation = Evaluator.evaluate(projectYear)
        departmentYear = year
        code = year.department.code
        name = year.department.name
        self.year = year.year
        summary = ProjectSummary(year, project, evaluation: evaluation)
        templateName = project.template.name
        budgetScore = project.template.rounding.format(evaluation.budget.score) + " / \(evaluation.budget.weight)"
        goal = project.goal
        achieved = project.achieved
        indicators = EvaluationModel(projectYear, evaluation: evaluation, evidence: evidence).rows
        findings = year.projects.firstIndex { $0.code == project.code }
            .map { FindingsEngine.findings(ofProject: $0, in: year) } ?? []
    }
}
