import JixiaoCore

/// Builds the self-evaluation report (部门整体支出绩效自评报告) in the seed's structure from a department-year, its
/// evaluation and findings. Sections the narrative leaves empty are drafted from the data. Pure.
public enum ReportBuilder {
    /// The report of `year`, signed (落款) by the department with `date` when given (the day it is issued).
    public static func build(_ year: DepartmentYear, evaluation: Evaluation, findings: [Finding],
                             date: CivilDate? = nil, links: ReportLinks = ReportLinks()) -> ReportDocument {
        let context = DraftContext(year: year, evaluation: evaluation, findings: findings)
        var blocks: [ReportDocument.Block] = []
        blocks += [.heading(level: 1, text: "一、基本情况")]
        blocks += section("（一）部门概况", context.overview())
        blocks += section("（二）年度总体工作和重点工作任务", context.tasks())
        blocks += section("（三）部门整体支出绩效目标", context.goal())
        blocks += section("（四）部门整体支出情况", context.spending())
        blocks += [.heading(level: 1, text: "二、综合评价分析")]
        blocks += section("（一）履职效能分析", context.performance())
        blocks += section("（二）绩效管理", context.management())
        blocks += section("（三）采购管理", context.procurement())
        blocks += section("（四）资产管理", context.assets())
        blocks += [.heading(level: 1, text: "三、存在的主要问题")] + context.problems()
        blocks += [.heading(level: 1, text: "四、下一步改进措施")] + context.measures()
        // 落款: the department, and the date written out as GB/T 9704 asks (no leading zeros).
        blocks += [.signature(lines: [year.department.name] + (date.map { ["\($0.year)年\($0.month)月\($0.day)日"] } ?? []))]
        blocks += [.pageBreak] + ScoreTable.build(year, evaluation: evaluation, links: links)
            .map(ReportDocument.Block.table)
        blocks += ProjectAnnex.blocks(year)
        return ReportDocument(titleLines: titleLines(year.department.name) + ["\(year.year)年部门整体支出绩效自评报告"],
                              blocks: numberingFigures(blocks))
    }

    /// Figure captions numbered in document order: 图1, 图2…
    static func numberingFigures(_ blocks: [ReportDocument.Block]) -> [ReportDocument.Block] {
        var count = 0
        return blocks.map { block in
            guard case .figure(let chart, let caption) = block else { return block }
            count += 1
            return .figure(chart, caption: "图\(count) \(caption)")
        }
    }

    /// A 2号 title line holds about 20 characters: a longer department name breaks before its parenthesised
    /// second name (广州市黄埔区科学技术协会 / （广州开发区科学技术协会）) rather than wherever the line runs out.
    static func titleLines(_ name: String) -> [String] {
        guard name.count > 20, let open = name.firstIndex(of: "（"), open > name.startIndex else { return [name] }
        return [String(name[..<open]), String(name[open...])]
    }

    private static func section(_ heading: String, _ body: [ReportDocument.Block]) -> [ReportDocument.Block] {
        [.heading(level: 2, text: heading)] + body
    }
}
