extension FindingsEngine {
    /// Every project's own findings (see ``findings(ofProject:in:results:)``), in project order.
    static func projectFindings(_ year: DepartmentYear, results: Bool = true) -> [Finding] {
        year.projects.indices.flatMap { findings(ofProject: $0, in: year, results: results) }
    }

    /// The findings of the project at `index`, attributed to it: its indicator tree checked as targets and (with
    /// `results`) scored as results by its own template — the message names the project, the subject points into
    /// `projects[index]` — in the order of severity; a project without any indicator is that one finding. Payments,
    /// plans and procurements are checked line by line for the department already.
    public static func findings(ofProject index: Int, in year: DepartmentYear, results: Bool = true) -> [Finding] {
        let project = year.projects[index]
        let label = "项目“\(project.name)”（\(project.code)）"
        guard !project.indicators.isEmpty else {
            return [Finding(
                code: "PROJECT_NO_TARGETS", severity: .high, theme: .targets,
                message: "\(label)没有设定绩效指标，只能按预算执行率计分。",
                evidence: ["预算项目：\(project.lines.joined(separator: "、"))"],
                measure: "按项目支出绩效目标申报要求，为项目设定产出、效益和满意度指标。",
                subject: "projects[\(index)].indicators")]
        }
        let projectYear = year.year(of: project)
        let own = targetFindings(projectYear)
            + (results ? resultFindings(projectYear, evaluation: Evaluator.evaluate(projectYear)) : [])
        return own.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map { _, finding in
                var attributed = finding
                attributed.message = "\(label)：" + finding.message
                attributed.item = finding.item.map { "\(label)的\($0)" }
                attributed.subject = finding.subject.map { "projects[\(index)].\($0)" }
                return attributed
            }
    }
}
