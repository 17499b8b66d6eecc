/// A project (项目) inside a department's year: its own budget lines, annual goal, indicator tree and evaluation
/// template, scored and reported on its own table (项目支出绩效自评表) beside the department-overall evaluation.
public struct Project: Sendable, Hashable {
    /// The project's code, unique in the year (e.g. `P01`).
    public var code: String
    public var name: String
    /// 实施单位 or the office that runs it.
    public var owner: String
    /// The codes of its budget lines (项目支出 lines; a line belongs to one project at most).
    public var lines: [String]
    /// The template the project is scored by, overrides applied, and how it was chosen.
    public var template: EvaluationTemplate
    public var templateChoice: TemplateChoice
    /// 年度总体目标: 预期目标, and 实际完成情况 as the department writes it after the year.
    public var goal: String
    public var achieved: String
    /// The project's own indicator tree, in the framework of its template.
    public var indicators: [Indicator]

    public init(code: String, name: String, owner: String = "", lines: [String], template: EvaluationTemplate,
                templateChoice: TemplateChoice? = nil, goal: String = "", achieved: String = "",
                indicators: [Indicator] = []) {
        self.code = code
        self.name = name
        self.owner = owner
        self.lines = lines
        self.template = template
        self.templateChoice = templateChoice ?? TemplateChoice(base: template.id)
        self.goal = goal
        self.achieved = achieved
        self.indicators = indicators
    }
}

extension DepartmentYear {
    /// The project as a year of its own for the engines: its lines and their payments, its indicators, template
    /// and goal, the procurements on its lines and its work plan (the tasks that spend from its lines, plan payments
    /// on them or serve its indicators); the department's activities and calendar kept, so measures and deadlines
    /// read as they do for the department. Evaluating it scores the project by its template.
    public func year(of project: Project) -> DepartmentYear {
        let lines = Set(project.lines)
        var year = self
        year.template = project.template
        year.templateChoice = project.templateChoice
        year.goal = project.goal
        year.budgetLines = budgetLines.filter { lines.contains($0.code) }
        year.payments = payments.filter { lines.contains($0.line) }
        year.indicators = project.indicators
        year.procurements = procurements.filter { $0.line.map(lines.contains) ?? false }
        year.workPlan = workPlan.filter { task in
            task.lines.contains(where: lines.contains) || task.plannedPayments.contains { lines.contains($0.line) }
                || task.indicators.contains { id in project.indicators.contains { $0.id == id } }
        }
        year.projects = []
        year.assets = nil
        year.narrative = [:]
        return year
    }
}
