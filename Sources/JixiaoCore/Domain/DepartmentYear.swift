/// One department's fiscal year as an immutable value: everything the engines need, nothing they must fetch.
public struct DepartmentYear: Sendable, Hashable {
    public var year: Int
    /// The template the year is scored by, overrides applied.
    public var template: EvaluationTemplate
    /// How the template was chosen (a built-in id and the overrides on it), so the year can be written back.
    public var templateChoice: TemplateChoice
    /// The unit the year's money was written in, kept for writing it back the same way.
    public var moneyUnit: Money.Unit
    public var department: Department
    /// 年度总体工作和重点工作任务, one entry per task.
    public var tasks: [String]
    /// 部门整体支出绩效目标.
    public var goal: String
    public var budgetLines: [BudgetLine]
    public var payments: [Payment]
    public var indicators: [Indicator]
    /// 工作计划: the key tasks broken into dated, owned tasks.
    public var workPlan: [WorkTask]
    public var activities: [Activity]
    public var procurements: [Procurement]
    public var assets: Assets?
    /// The projects of the year, each scored on its own table; none for a year kept as one whole.
    public var projects: [Project]
    /// Human-written report text by section; sections left out are drafted from the data.
    public var narrative: [NarrativeSection: String]
    /// The official working-day calendar deadlines are counted by (the catalogue's, set by the reader).
    public var workCalendar: WorkCalendar
    /// The thresholds the findings rules use (the bureau's, from the catalogue, set by the reader).
    public var checks: FindingThresholds

    public init(year: Int, template: EvaluationTemplate, templateChoice: TemplateChoice? = nil,
                moneyUnit: Money.Unit = .yuan, department: Department, tasks: [String] = [],
                goal: String = "", budgetLines: [BudgetLine] = [], payments: [Payment] = [],
                indicators: [Indicator] = [], workPlan: [WorkTask] = [], activities: [Activity] = [], procurements: [Procurement] = [],
                assets: Assets? = nil, projects: [Project] = [], narrative: [NarrativeSection: String] = [:],
                workCalendar: WorkCalendar = .weekdaysOnly, checks: FindingThresholds = FindingThresholds()) {
        self.year = year
        self.template = template
        self.templateChoice = templateChoice ?? TemplateChoice(base: template.id)
        self.moneyUnit = moneyUnit
        self.department = department
        self.tasks = tasks
        self.goal = goal
        self.budgetLines = budgetLines
        self.payments = payments
        self.indicators = indicators
        self.workPlan = workPlan
        self.activities = activities
        self.procurements = procurements
        self.assets = assets
        self.projects = projects
        self.narrative = narrative
        self.workCalendar = workCalendar
        self.checks = checks
    }
}

/// The budget unit whose year it is.
public struct Department: Sendable, Hashable {
    public var code: String
    public var name: String
    /// 部门概况: what the department is and does.
    public var overview: String

    public init(code: String, name: String, overview: String = "") {
        self.code = code
        self.name = name
        self.overview = overview
    }
}

/// The parts of the report a person may write; each one left empty is drafted from the data.
public enum NarrativeSection: String, Sendable, Hashable, CaseIterable {
    /// 二、（一）履职效能分析.
    case performance
    /// 二、（二）绩效管理.
    case management
    /// 二、（三）采购管理.
    case procurement
    /// 二、（四）资产管理.
    case assets
    /// 三、存在的主要问题.
    case problems
    /// 四、下一步改进措施.
    case measures

    /// The section's heading as the report prints it.
    public var heading: String {
        switch self {
        case .performance: "（一）履职效能分析"
        case .management: "（二）绩效管理"
        case .procurement: "（三）采购管理"
        case .assets: "（四）资产管理"
        case .problems: "三、存在的主要问题"
        case .measures: "四、下一步改进措施"
        }
    }
}
