import JixiaoCore

/// 附件：项目支出绩效自评情况 — every project of the department with its budget, execution, score and grade, each
/// scored by its own template; the tables themselves are the projects' own documents.
enum ProjectAnnex {
    static func blocks(_ year: DepartmentYear) -> [ReportDocument.Block] {
        guard !year.projects.isEmpty else { return [] }
        var rows: [[Table.Cell]] = [["序号", "项目名称", "实施单位", "全年预算数（万元）", "全年执行数（万元）", "执行率", "自评得分",
                                     "等级"].map { Table.Cell.header($0) }]
        for (index, project) in year.projects.enumerated() {
            let projectYear = year.year(of: project)
            let evaluation = Evaluator.evaluate(projectYear)
            rows.append([
                Table.Cell(String(index + 1), alignment: .center), Table.Cell(project.name),
                Table.Cell(project.owner.isEmpty ? "—" : project.owner), ScoreTable.wan(evaluation.budget.totals.adjusted),
                ScoreTable.wan(evaluation.budget.totals.executed), ScoreTable.rate(evaluation.budget.rate),
                ScoreTable.score(evaluation.total, projectYear), Table.Cell(evaluation.grade, alignment: .center),
            ])
        }
        return [.pageBreak, .heading(level: 1, text: "附件：项目支出绩效自评情况"),
                .table(Table(caption: "\(year.year)年度项目支出绩效自评情况", columnWidths: [2, 8, 5, 5, 5, 4, 4, 3],
                             headerRowCount: 1, rows: rows, sheet: "项目自评情况"))]
    }
}
