import Foundation
import JixiaoCore

/// 项目支出绩效自评表 in the ministry's layout (财预〔2020〕10号): 项目名称, 主管部门 and 实施单位; 项目资金 by source
/// (年度资金总额, 其中 当年财政拨款 / 上年结转资金 / 其他资金) × 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分;
/// 年度总体目标 (预期目标 / 实际完成情况); the indicators under 绩效指标 as the department's score table has them;
/// 总分 and the grade. Two tables sharing one grid, the indicators' column titles repeated on every page.
public enum ProjectTable {
    /// 绩效指标 | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施.
    static let columnWidths = [8, 9, 10, 18, 11, 14, 6, 8, 20]

    /// The project's table; `evaluation` is the project's own (the evaluation of `year.year(of: project)`).
    public static func build(_ year: DepartmentYear, project: Project, evaluation: Evaluation) -> [Table] {
        let projectYear = year.year(of: project)
        let indicators = ScoreTable.indicatorRows(projectYear, evaluation)
        var indicatorRows = indicators
        if !indicatorRows.isEmpty {
            indicatorRows[0].insert(.header("绩效指标", rowSpan: indicators.count), at: 0)
        }
        return [
            Table(caption: "项目支出绩效自评表（\(year.year)年度）", columnWidths: columnWidths, headerRowCount: 0,
                  rows: [
                      [.header("项目名称"), Table.Cell(project.name, columnSpan: 8)],
                      [.header("主管部门"), Table.Cell(year.department.name, columnSpan: 3), .header("实施单位", columnSpan: 2),
                       Table.Cell(project.owner.isEmpty ? year.department.name : project.owner, columnSpan: 3)],
                  ] + fundRows(projectYear, evaluation) + goalRows(project)),
            Table(caption: "", columnWidths: columnWidths, headerRowCount: indicators.isEmpty ? 0 : 1,
                  rows: indicatorRows + ScoreTable.totalRow(projectYear, evaluation, leading: 6)),
        ]
    }

    /// 项目资金（万元）: the year's total and each source's share, with the budget score on the total.
    private static func fundRows(_ year: DepartmentYear, _ evaluation: Evaluation) -> [[Table.Cell]] {
        let budget = evaluation.budget
        let executed = year.executedByLine()
        var rows: [[Table.Cell]] = [[
            .header("项目资金（万元）", rowSpan: 2 + BudgetLine.FundingSource.allCases.count), .header("", columnSpan: 2),
            .header("年初预算数"), .header("全年预算数"), .header("全年执行数"), .header("分值"), .header("执行率"),
            .header("得分"),
        ]]
        rows.append([
            .header("年度资金总额", columnSpan: 2), ScoreTable.wan(budget.totals.initial),
            ScoreTable.wan(budget.totals.adjusted), ScoreTable.wan(budget.totals.executed),
            ScoreTable.number(budget.weight), ScoreTable.rate(budget.rate), ScoreTable.score(budget.score, year),
        ])
        for source in BudgetLine.FundingSource.allCases {
            let lines = year.budgetLines.filter { ($0.source ?? .fiscal) == source }
            let adjusted = lines.map(\.adjusted).sum()
            let spent = lines.map { executed[$0.code] ?? .zero }.sum()
            let label = source == .fiscal ? "其中：当年财政拨款" : source == .carryover ? "上年结转资金" : "其他资金"
            rows.append([
                Table.Cell(label, columnSpan: 2), ScoreTable.wan(lines.map(\.initial).sum()), ScoreTable.wan(adjusted),
                ScoreTable.wan(spent), .number("—"), ScoreTable.rate(Rational.ratio(spent, of: adjusted)), .number("—"),
            ])
        }
        return rows
    }

    /// 年度总体目标: 预期目标 beside 实际完成情况.
    private static func goalRows(_ project: Project) -> [[Table.Cell]] {
        [
            [.header("年度总体目标", rowSpan: 2), .header("预期目标", columnSpan: 4), .header("实际完成情况", columnSpan: 4)],
            [Table.Cell(project.goal.isEmpty ? "—" : project.goal, columnSpan: 4),
             Table.Cell(project.achieved.isEmpty ? "—" : project.achieved, columnSpan: 4)],
        ]
    }

    /// Every project's table in one workbook, a sheet each (named by code and name), and the workbook's title.
    public static func workbook(_ year: DepartmentYear) throws -> (data: Data, title: String) {
        let title = "\(year.department.name)\(year.year)年度项目支出绩效自评表"
        let sheets = year.projects.map { project in
            (name: String("\(project.code) \(project.name)".prefix(31)), document: document(year, project: project))
        }
        return (try XlsxRenderer.render(sheets: sheets, title: title), title)
    }

    /// The table as a document of its own, ready for DOCX, PDF or a worksheet: the form's name is its title (the
    /// table's caption); the department and the project stand in its first rows.
    public static func document(_ year: DepartmentYear, project: Project) -> ReportDocument {
        let evaluation = Evaluator.evaluate(year.year(of: project))
        var document = ReportDocument(titleLines: [],
                                      blocks: build(year, project: project, evaluation: evaluation)
                                          .map(ReportDocument.Block.table))
        document.landscape = true
        return document
    }
}
