extension FindingsEngine {
    /// Low execution, overspent lines, executed figures that disagree with payments, spending piled into the
    /// year's end, and lines that ran ahead of or behind their monthly plan.
    static func executionFindings(_ year: DepartmentYear, evaluation: Evaluation,
                                  thresholds: FindingThresholds) -> [Finding] {
        var findings: [Finding] = []
        let totals = evaluation.budget.totals
        if let rate = evaluation.budget.rate, rate < thresholds.minimumExecutionRate {
            findings.append(Finding(
                code: "EXECUTION_LOW", severity: .high, theme: .execution,
                message: "全年预算执行率为 \(rate.percentString(places: 2))，低于 "
                    + "\(thresholds.minimumExecutionRate.percentString(places: 0))。",
                evidence: ["全年预算数：\(totals.adjusted.wanString) 万元", "执行数：\(totals.executed.wanString) 万元"],
                measure: "加强预算执行进度管理，按月跟踪支付计划，及时清理结转结余资金。", subject: "budget"))
        }
        let paymentsByLine = Dictionary(grouping: year.payments, by: \.line)
        for (index, line) in year.budgetLines.enumerated() {
            let subject = "budget.lines[\(index)]"
            let label = "“\(line.name)”（\(line.code)）"
            let payments = paymentsByLine[line.code] ?? []
            let paid = payments.map(\.amount).sum()
            let executed = line.declaredExecuted ?? paid
            if executed > line.adjusted {
                findings.append(Finding(
                    code: "LINE_OVERSPENT", severity: .high, theme: .execution,
                    message: "\(label)执行数 \(executed.wanString) 万元超过全年预算数 \(line.adjusted.wanString) 万元。",
                    evidence: ["全年预算数：\(line.adjusted.yuanString) 元", "执行数：\(executed.yuanString) 元"],
                    measure: "严格按预算支出，确需追加的须先履行预算调整程序。", subject: subject))
            }
            if let declared = line.declaredExecuted, !payments.isEmpty, declared != paid {
                findings.append(Finding(
                    code: "EXECUTED_MISMATCH", severity: .medium, theme: .execution,
                    message: "\(label)填报执行数 \(declared.wanString) 万元，与支付明细合计 \(paid.wanString) 万元不一致。",
                    evidence: ["填报执行数：\(declared.yuanString) 元", "支付明细合计：\(paid.yuanString) 元",
                               "支付笔数：\(payments.map(\.count).reduce(0, +))"],
                    measure: "核对执行数与国库支付明细，确保账表一致。", subject: subject))
            }
            if let finding = planFinding(line, payments: payments, label: label, subject: subject,
                                         year: year.year, tolerance: thresholds.planTolerance) {
                findings.append(finding)
            }
        }
        findings += yearEndFindings(year, thresholds: thresholds)
        return findings
    }

    /// Spending piled into the fourth quarter or December, over all payments of the year.
    private static func yearEndFindings(_ year: DepartmentYear, thresholds: FindingThresholds) -> [Finding] {
        let inYear = year.payments.filter { $0.date.year == year.year }
        let total = inYear.map(\.amount).sum()
        guard total > .zero else { return [] }
        let fourthQuarter = inYear.filter { $0.date.quarter == 4 }.map(\.amount).sum()
        let december = inYear.filter { $0.date.month == 12 }.map(\.amount).sum()
        let measure = "按序时进度均衡支付，年初编制分月支付计划并按月跟踪，避免资金集中在年底支出。"
        let evidence = ["全年支付：\(total.wanString) 万元", "第四季度：\(fourthQuarter.wanString) 万元",
                        "12 月：\(december.wanString) 万元"]
        let periods = [("SPENDING_Q4_PILED", "第四季度", fourthQuarter, thresholds.maximumFourthQuarterShare),
                       ("SPENDING_DECEMBER_PILED", "12 月", december, thresholds.maximumDecemberShare)]
        return periods.compactMap { code, period, amount, limit in
            guard let share = Rational.ratio(amount, of: total), share > limit else { return nil }
            return Finding(
                code: code, severity: .medium, theme: .execution,
                message: "\(period)支付 \(amount.wanString) 万元，占全年支付额的 \(share.percentString(places: 2))，"
                    + "超过 \(limit.percentString(places: 0))，支出集中在年末。",
                evidence: evidence, measure: measure, subject: "payments")
        }
    }

    /// The month end where a line's cumulative payments were furthest from its cumulative plan, when that gap
    /// exceeds the tolerance (as a share of the annual plan).
    private static func planFinding(_ line: BudgetLine, payments: [Payment], label: String, subject: String,
                                    year: Int, tolerance: Rational) -> Finding? {
        let planned = line.plan.map(\.amount).sum()
        guard planned > .zero else { return nil }
        var paidByMonth = [Money](repeating: .zero, count: 13)
        for payment in payments where payment.date.year == year { paidByMonth[payment.date.month] += payment.amount }
        var planByMonth = [Money](repeating: .zero, count: 13)
        for entry in line.plan { planByMonth[entry.month] += entry.amount }
        var cumulativePaid = Money.zero
        var cumulativePlan = Money.zero
        var worst: (month: Int, gap: Money, paid: Money, plan: Money)?
        for month in 1...12 {
            cumulativePaid += paidByMonth[month]
            cumulativePlan += planByMonth[month]
            let gap = cumulativePaid - cumulativePlan
            if worst == nil || abs(gap.fen) > abs(worst!.gap.fen) {
                worst = (month, gap, cumulativePaid, cumulativePlan)
            }
        }
        guard let worst, let share = Rational.ratio(Money(fen: abs(worst.gap.fen)), of: planned),
              share > tolerance else { return nil }
        let behind = worst.gap < .zero
        return Finding(
            code: behind ? "PLAN_BEHIND" : "PLAN_AHEAD", severity: .medium, theme: .execution,
            message: "\(label)截至 \(worst.month) 月末累计支付 \(worst.paid.wanString) 万元，计划 "
                + "\(worst.plan.wanString) 万元，\(behind ? "滞后" : "超前")全年计划的 \(share.percentString(places: 2))。",
            evidence: ["全年计划：\(planned.wanString) 万元", "\(worst.month) 月末累计支付：\(worst.paid.wanString) 万元",
                       "\(worst.month) 月末累计计划：\(worst.plan.wanString) 万元"],
            measure: behind ? "加强项目进度监督管理，严格按照计划进度支付，对滞后项目逐月督办。"
                : "按计划进度支付，确需提前支付的应调整支付计划并说明原因。",
            subject: subject)
    }
}
