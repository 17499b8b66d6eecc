/// The in-year warnings, as findings: lines behind 序时进度 or the Sichuan checkpoints, behind their plan, and goals
/// out of step with money.
enum MonitorWarnings {
    static func all(_ year: DepartmentYear, asOf: CivilDate, rules: MonitoringRules,
                    lines: [MonitoringReport.LineStatus], total: MonitoringReport.LineStatus, timeProgress: Rational,
                    goalProgress: Rational?, paidByMonthEnd: (Int) -> [String: Money]) -> [Finding] {
        var warnings: [Finding] = []
        let measure = "按月跟踪支付计划，对滞后项目逐项分析原因、明确责任人和完成时限，及时加快支付。"
        let checked = lines.enumerated().map { ("budget.lines[\($0.offset)]", $0.element) } + [("budget", total)]
        switch rules.kind {
        case .timeProportional:
            for (subject, line) in checked {
                guard let rate = line.rate, rate < timeProgress - rules.tolerance else { continue }
                warnings.append(Finding(
                    code: "MONITOR_BEHIND_TIME", severity: .high, theme: .execution,
                    message: "\(label(line))截至 \(asOf) 执行 \(rate.percentString(places: 2))，落后序时进度 "
                        + "\(timeProgress.percentString(places: 2)) 超过 \(rules.tolerance.percentString(places: 0))。",
                    evidence: ["执行数：\(line.executed.wanString) 万元", "全年预算数：\(line.adjusted.wanString) 万元"],
                    measure: measure, subject: subject))
            }
        case .sichuan2025:
            for checkpoint in MonitoringRules.sichuanCheckpoints {
                let end = Monitor.monthEnd(year.year, checkpoint.month)
                guard end <= asOf else { continue }
                let paid = paidByMonthEnd(checkpoint.month)
                for (subject, line) in checked {
                    let executed = line.code.isEmpty ? paid.values.reduce(.zero, +) : paid[line.code] ?? .zero
                    guard let share = Rational.ratio(executed, of: line.adjusted), share < checkpoint.share else {
                        continue
                    }
                    warnings.append(Finding(
                        code: "MONITOR_CHECKPOINT", severity: .high, theme: .execution,
                        message: "\(label(line))截至 \(checkpoint.month) 月末累计执行 \(share.percentString(places: 2))，"
                            + "低于 \(checkpoint.share.percentString(places: 0)) 的要求。",
                        evidence: ["\(checkpoint.month) 月末累计执行：\(executed.wanString) 万元"],
                        measure: measure, subject: subject))
                }
            }
        }
        for (subject, line) in checked where !line.code.isEmpty {
            guard let planned = line.planned, let gap = Rational.ratio(planned - line.executed, of: line.adjusted),
                  gap > rules.tolerance else { continue }
            warnings.append(Finding(
                code: "MONITOR_BEHIND_PLAN", severity: .medium, theme: .execution,
                message: "\(label(line))截至 \(asOf) 支付 \(line.executed.wanString) 万元，计划 \(planned.wanString) 万元，"
                    + "差额占全年预算的 \(gap.percentString(places: 2))。",
                evidence: ["计划支付：\(planned.wanString) 万元", "实际支付：\(line.executed.wanString) 万元"],
                measure: measure, subject: subject))
        }
        if let goalProgress, let money = total.rate, (goalProgress - money).magnitude > rules.goalMoneyGap {
            warnings.append(Finding(
                code: "MONITOR_GOAL_MONEY_GAP", severity: .medium, theme: .results,
                message: "绩效目标完成进度 \(goalProgress.percentString(places: 2)) 与资金执行进度 "
                    + "\(money.percentString(places: 2)) 相差超过 \(rules.goalMoneyGap.percentString(places: 0))。",
                evidence: ["目标进度：\(goalProgress.percentString(places: 2))", "资金进度：\(money.percentString(places: 2))"],
                measure: goalProgress < money ? "资金支出快于目标完成，核实支出是否形成相应产出。"
                    : "目标完成快于资金支出，核实支付是否滞后于实际工作。",
                subject: "indicators"))
        }
        return warnings
    }

    private static func label(_ line: MonitoringReport.LineStatus) -> String {
        line.code.isEmpty ? "全部预算" : "“\(line.name)”（\(line.code)）"
    }
}
