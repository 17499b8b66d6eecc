import JixiaoCore

/// 二、综合评价分析.
extension DraftContext {
    /// The written account first, then every indicator's result with its score, then the activities held.
    func performance() -> [ReportDocument.Block] {
        var blocks = written(.performance)
        if !year.indicators.isEmpty {
            blocks.append(.paragraph("对照年初设定的 \(year.indicators.count) 项绩效指标，全年完成情况如下："))
            for (offset, pair) in zip(year.indicators, evaluation.indicators).enumerated() {
                blocks.append(.paragraph("\(offset + 1). \(indicatorResult(pair.0, pair.1))"))
            }
        }
        if !year.projects.isEmpty {
            blocks.append(.paragraph("本年度实施项目 \(year.projects.count) 个，各项目自评结果如下（详见附件）："
                + year.projects.map { project in
                    let result = Evaluator.evaluate(year.year(of: project))
                    return "“\(project.name)”执行率 \(result.budget.rate?.percentString(places: 2) ?? "—")，"
                        + "自评 \(project.template.rounding.format(result.total)) 分，等级“\(result.grade)”"
                }.joined(separator: "；") + "。"))
        }
        let inYear = year.activities.filter { $0.date.year == year.year }
        if !inYear.isEmpty {
            let audience = inYear.compactMap(\.audience).sum()
            var text = "全年共开展活动 \(inYear.count) 场"
            if audience > .zero { text += "，受众约 \(audienceText(audience))" }
            blocks.append(.paragraph(text + "。"))
        }
        if blocks.isEmpty { blocks.append(.paragraph("（待补充：年度履职情况和主要成效。）")) }
        return blocks
    }

    /// "目标 ≥ 40 场，实际完成 47 场，得 10.00 分（分值 10 分）。"
    func indicatorResult(_ indicator: Indicator, _ score: IndicatorScore) -> String {
        let target: String
        let actual: String
        if indicator.targetText.isEmpty {
            target = "评分规则 \(indicator.statedTarget)"
            actual = score.actual.map { "实际完成 \(ChineseText.quantity($0.description, indicator.unit))" } ?? "无实际完成值"
        } else if indicator.nature == .qualitative {
            target = "目标“\(indicator.targetText)”"
            let judged = indicator.grade.map { "评定为\($0.chinese)" } ?? "未评定"
            actual = indicator.actualText.map { "实际“\($0)”，\(judged)" } ?? judged
        } else {
            target = "目标 \(indicator.direction.symbol) \(ChineseText.quantity(indicator.targetText, indicator.unit))"
            actual = score.actual.map { "实际完成 \(ChineseText.quantity($0.description, indicator.unit))" } ?? "无实际完成值"
        }
        let manual = score.method == .manual ? "（人工评分）" : ""
        return "\(indicator.name)：\(target)，\(actual)，得 \(rounding.format(score.score)) 分\(manual)"
            + "（分值 \(indicator.weight) 分）。"
    }

    private func audienceText(_ audience: Rational) -> String { ChineseText.quantity(audience.description, "人次") }

    /// How many indicators of which kind were set, the total score and grade, then the written account.
    func management() -> [ReportDocument.Block] {
        let counts = year.template.levels.compactMap { level -> String? in
            let count = year.indicators.filter { $0.level1 == level.name }.count
            return count > 0 ? "\(level.name) \(count) 项" : nil
        }
        var text = "本年度设定绩效指标 \(year.indicators.count) 项"
        if !counts.isEmpty { text += "，其中" + counts.joined(separator: "、") }
        text += "。按“\(year.template.name)”评分，自评得分 \(rounding.format(evaluation.total)) 分，"
            + "等级为“\(evaluation.grade)”。"
        let targetProblems = findings.filter { $0.theme == .targets }.count
        if targetProblems > 0 { text += "目标设定方面发现 \(targetProblems) 个问题，详见第三部分。" }
        let scores = Charts.scoreByLevel(year, evaluation: evaluation)
        return [.paragraph(text), .figure(scores, caption: scores.title)] + workPlan() + written(.management)
    }

    /// How the work plan went: tasks finished on time, late, and not finished by the year end, with the timeline.
    private func workPlan() -> [ReportDocument.Block] {
        guard !year.workPlan.isEmpty else { return [] }
        let end = CivilDate(year: year.year, month: 12, day: 31)!
        let tasks = WorkPlanProgress.on(year, asOf: end).tasks
        let late = tasks.filter { state in state.task.completed.map { $0 > state.task.due } ?? false }.count
        let open = tasks.filter { $0.state != .done }.count
        var text = "年度重点工作任务分解为 \(tasks.count) 项具体任务，按期完成 \(tasks.count - late - open) 项"
        if late > 0 { text += "，延期完成 \(late) 项" }
        text += open > 0 ? "，年末尚未完成 \(open) 项。" : "。"
        let timeline = Charts.workPlanTimeline(year, asOf: end)
        return [.paragraph(text), .figure(timeline, caption: timeline.title)]
    }

    /// The procurements and whether each deadline was kept, then the written account.
    func procurement() -> [ReportDocument.Block] {
        guard !year.procurements.isEmpty else {
            return [.paragraph("本年度未实施政府采购项目。")] + written(.procurement)
        }
        let amount = year.procurements.map(\.amount).sum()
        var text = "本年度实施政府采购 \(year.procurements.count) 项，金额合计 \(ChineseText.wan(amount))。"
        let late = findings.filter { $0.theme == .procurement }
        text += late.isEmpty
            ? "采购意向公开、合同签订、合同公告和合同备案均在规定时限内完成。"
            : "有 \(late.count) 个环节超出规定时限，详见第三部分。"
        return [.paragraph(text)] + written(.procurement)
    }

    /// The assets at year end from the balance sheet, then the written account.
    func assets() -> [ReportDocument.Block] {
        guard let assets = year.assets else {
            return written(.assets).isEmpty ? [.paragraph("（待补充：年末资产情况。）")] : written(.assets)
        }
        let text = "截至 \(assets.asOf.chinese)，资产总额 \(ChineseText.wan(assets.total))，其中：流动资产 "
            + "\(ChineseText.wan(assets.current))，非流动资产 \(ChineseText.wan(assets.nonCurrent))。"
        return [.paragraph(text)] + written(.assets)
    }
}
