import JixiaoCore

/// The score table (自评表) as two tables sharing one column grid: the budget block, then the indicators grouped
/// by 一级/二级 with merged cells and the total and grade at the foot, its column titles repeated on every page.
/// Manual scores and their reasons are shown. Figures carry their numbers for spreadsheets.
enum ScoreTable {
    /// 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施.
    static let columnWidths = [9, 11, 18, 11, 15, 6, 8, 22]

    static func build(_ year: DepartmentYear, evaluation: Evaluation, links: ReportLinks = ReportLinks()) -> [Table] {
        [Table(caption: "\(year.year)年度部门整体支出绩效自评表", columnWidths: columnWidths, headerRowCount: 0,
               rows: [[.header("部门（单位）名称", columnSpan: 2), Table.Cell(year.department.name, columnSpan: 6)]]
                + budgetRows(year, evaluation, links: links.budget) + goalRows(year, evaluation)),
         Table(caption: "", columnWidths: columnWidths, headerRowCount: 1,
               rows: indicatorRows(year, evaluation, links: links.indicators) + totalRow(year, evaluation))]
    }

    private static func budgetRows(_ year: DepartmentYear, _ evaluation: Evaluation,
                                   links: [Table.Cell.Link]) -> [[Table.Cell]] {
        let budget = evaluation.budget
        let executed = year.executedByLine()
        var rows: [[Table.Cell]] = [[
            .header("年度预算执行情况（万元）", rowSpan: 2 + BudgetLine.Kind.allCases.count),
            .header(""), .header("年初预算数"), .header("全年预算数"), .header("全年执行数"), .header("分值"),
            .header("得分"), .header("执行率"),
        ]]
        var executedCell = wan(budget.totals.executed)
        executedCell.links = links
        rows.append([
            .header("年度资金总额"), wan(budget.totals.initial), wan(budget.totals.adjusted), executedCell,
            number(budget.weight), score(budget.score, year), rate(budget.rate),
        ])
        for kind in BudgetLine.Kind.allCases {
            let lines = year.budgetLines.filter { $0.kind == kind }
            let adjusted = lines.map(\.adjusted).sum()
            let spent = lines.map { executed[$0.code] ?? .zero }.sum()
            rows.append([
                Table.Cell("其中：" + kind.chinese), wan(lines.map(\.initial).sum()), wan(adjusted), wan(spent),
                .number("—"), .number("—"), rate(Rational.ratio(spent, of: adjusted)),
            ])
        }
        return rows
    }

    /// 年度总体目标: the goal as set beside what was achieved (the execution rate, the indicators achieved in full,
    /// the score and grade), as the ministry's form has it.
    private static func goalRows(_ year: DepartmentYear, _ evaluation: Evaluation) -> [[Table.Cell]] {
        let full = evaluation.indicators.filter(\.isFull).count
        let achieved = "预算执行率 \(evaluation.budget.rate?.percentString(places: 2) ?? "—")；"
            + "\(evaluation.indicators.count) 项绩效指标中 \(full) 项全部达成；"
            + "自评 \(year.template.rounding.format(evaluation.total)) 分，等级“\(evaluation.grade)”。"
        return [
            [.header("年度总体目标", rowSpan: 2), .header("预期目标", columnSpan: 3), .header("实际完成情况", columnSpan: 4)],
            [Table.Cell(year.goal.isEmpty ? "—" : year.goal, columnSpan: 3), Table.Cell(achieved, columnSpan: 4)],
        ]
    }

    /// An amount in 万元 with two decimals, half-up.
    static func wan(_ money: Money) -> Table.Cell {
        .number(Rounding(mode: .halfUp, places: 2).apply(money.wan), places: 2)
    }

    /// A rate as a percentage with two decimals; a dash when there is no base.
    static func rate(_ rate: Rational?) -> Table.Cell {
        rate.map { .percent(Rounding(mode: .halfUp, places: 4).apply($0), places: 2) } ?? .number("—")
    }

    /// A weight or other exact figure, with as many decimals as it has.
    static func number(_ value: Rational) -> Table.Cell {
        .number(value, places: value.description.split(separator: ".").dropFirst().first?.count ?? 0)
    }

    /// A score with the template's decimals.
    static func score(_ value: Rational, _ year: DepartmentYear) -> Table.Cell {
        .number(value, places: year.template.rounding.places)
    }

    /// Indicators in framework order (一级, then 二级 as the template lists them), merged by level.
    static func indicatorRows(_ year: DepartmentYear, _ evaluation: Evaluation,
                              links: [String: [Table.Cell.Link]] = [:]) -> [[Table.Cell]] {
        let rounding = year.template.rounding
        var rows: [[Table.Cell]] = [[
            .header("一级指标"), .header("二级指标"), .header("三级指标"), .header("年度指标值"), .header("实际完成值"),
            .header("分值"), .header("得分"), .header("偏差原因分析及改进措施"),
        ]]
        let scored = Array(zip(year.indicators, evaluation.indicators))
        for level in year.template.levels {
            let inLevel = scored.filter { $0.0.level1 == level.name }
            guard !inLevel.isEmpty else { continue }
            let order = level.children + inLevel.map(\.0.level2).filter { !level.children.contains($0) }
            let groups = order.map { name in inLevel.filter { $0.0.level2 == name } }.filter { !$0.isEmpty }
            for (groupIndex, group) in groups.enumerated() {
                for (index, (indicator, result)) in group.enumerated() {
                    var row: [Table.Cell] = []
                    if groupIndex == 0, index == 0 { row.append(.header(level.name, rowSpan: inLevel.count)) }
                    if index == 0 { row.append(Table.Cell(indicator.level2, rowSpan: group.count, alignment: .center)) }
                    var scoreCell = score(result.score, year)
                    if result.method == .manual { scoreCell.text += "（人工）" }
                    var actualCell = Table.Cell(actualText(indicator, result), alignment: .center)
                    actualCell.links = links[indicator.id] ?? []
                    row += [
                        Table.Cell(indicator.name),
                        Table.Cell(IndicatorText.target(indicator), alignment: .center),
                        actualCell,
                        number(indicator.weight),
                        scoreCell,
                        Table.Cell(remarks(indicator, result, rounding: rounding)),
                    ]
                    rows.append(row)
                }
            }
        }
        return rows
    }

    private static func actualText(_ indicator: Indicator, _ score: IndicatorScore) -> String {
        if indicator.nature == .qualitative {
            return [indicator.actualText, indicator.grade?.chinese].compactMap { $0 }.joined(separator: "，")
        }
        return score.actual.map { ChineseText.quantity($0.description, indicator.unit) } ?? "—"
    }

    private static func remarks(_ indicator: Indicator, _ score: IndicatorScore, rounding: Rounding) -> String {
        var parts = [ChineseText.trimmed(indicator.deviation.trimmingWhitespace)].filter { !$0.isEmpty }
        if score.method == .manual {
            parts.append("人工评分（按规则计算为 \(rounding.format(score.computedScore ?? .zero)) 分），"
                + "理由：\(ChineseText.trimmed(score.overrideReason ?? ""))")
        }
        return parts.isEmpty ? "" : parts.joined(separator: "；") + "。"
    }

    /// 总分 with the total weight, the score and the grade; `leading` columns come before 分值.
    static func totalRow(_ year: DepartmentYear, _ evaluation: Evaluation, leading: Int = 5) -> [[Table.Cell]] {
        [[
            .header("总分", columnSpan: leading), number(year.template.totalWeight), score(evaluation.total, year),
            Table.Cell("自评等级：\(evaluation.grade)", alignment: .center, isHeader: true),
        ]]
    }
}
