extension FindingsEngine {
    /// Each project's own findings, attributed to it: its indicator tree checked as targets and scored as results
    /// by its own template (the message names the project, the subject points into `projects[i]`); a project
    /// without any indicator is that one finding. Payments, plans and procurements are checked line by line for the department already.
    static func projectFindings(_ year: DepartmentYear, results: Bool = true) -> [Finding] {
        year.projects.enumerated().flatMap { index, project -> [Finding] in
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
            return own.map { finding in
                var attributed = finding
                attributed.message = "\(label)：" + finding.message
                attributed.subject = finding.subject.map { "projects[\(index)].\($0)" }
                return attributed
            }
        }
    }
}
