import JixiaoCore

/// 一、基本情况.
extension DraftContext {
    func overview() -> [ReportDocument.Block] {
        let paragraphs = ChineseText.paragraphs(year.department.overview)
        guard !paragraphs.isEmpty else { return [.paragraph("（待补充：部门职能、机构设置和人员情况。）")] }
        return paragraphs.map(ReportDocument.Block.paragraph)
    }

    func tasks() -> [ReportDocument.Block] {
        guard !year.tasks.isEmpty else { return [.paragraph("（待补充：年度总体工作和重点工作任务。）")] }
        return [.paragraph(ChineseText.enumerate(year.tasks))]
    }

    func goal() -> [ReportDocument.Block] {
        let paragraphs = ChineseText.paragraphs(year.goal)
        guard !paragraphs.isEmpty else { return [.paragraph("（待补充：部门整体支出绩效目标。）")] }
        return paragraphs.map(ReportDocument.Block.paragraph)
    }

    /// The year's budget and execution, then the split between basic and project expenditure.
    func spending() -> [ReportDocument.Block] {
        let totals = evaluation.budget.totals
        var text = "\(year.year) 年年初预算数 \(ChineseText.wan(totals.initial))，全年预算数 "
            + "\(ChineseText.wan(totals.adjusted))，执行数 \(ChineseText.wan(totals.executed))"
        if let rate = evaluation.budget.rate {
            text += "，完成预算的 \(rate.percentString(places: 0))。"
        } else {
            text += "。"
        }
        var blocks: [ReportDocument.Block] = [.paragraph(text)]
        let parts = BudgetLine.Kind.allCases.compactMap { kind -> String? in
            let lines = year.budgetLines.filter { $0.kind == kind }
            guard !lines.isEmpty else { return nil }
            let adjusted = lines.map(\.adjusted).sum()
            let executed = lines.map { executedByLine[$0.code] ?? .zero }.sum()
            let rate = Rational.ratio(executed, of: adjusted).map { "，执行率 \($0.percentString(places: 2))" } ?? ""
            return "\(kind.chinese)全年预算数 \(ChineseText.wan(adjusted))，执行数 \(ChineseText.wan(executed))\(rate)"
        }
        if !parts.isEmpty { blocks.append(.paragraph("其中：" + parts.joined(separator: "；") + "。")) }
        let cumulative = Charts.cumulativeExecution(year)
        let byLine = Charts.executionByLine(year)
        return blocks + [.figure(cumulative, caption: cumulative.title), .figure(byLine, caption: byLine.title)]
    }
}
