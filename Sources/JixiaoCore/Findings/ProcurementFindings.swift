extension FindingsEngine {
    /// Each procurement deadline broken: intention published too late, contract signed, published or filed late.
    static func procurementFindings(_ year: DepartmentYear, thresholds: FindingThresholds) -> [Finding] {
        year.procurements.enumerated().flatMap { index, procurement in
            ProcurementDeadlines.check(procurement, calendar: year.workCalendar, thresholds: thresholds).compactMap { check -> Finding? in
                if check.status == .reversed, let from = check.from, let to = check.to {
                    let (opening, closing) = check.step.dates
                    return Finding(code: "PROCUREMENT_DATES_REVERSED", severity: .medium, theme: .procurement,
                                   message: "采购项目“\(procurement.name)”的\(closing)日期（\(to)）早于\(opening)日期"
                                       + "（\(from)），日期有误。",
                                   evidence: ["\(opening)：\(from)", "\(closing)：\(to)"],
                                   measure: "对照采购文件核对并更正日期。", subject: "procurements[\(index)]")
                }
                guard check.status == .broken, let from = check.from, let to = check.to,
                      let elapsed = check.elapsed else { return nil }
                let (code, message, evidence, measure) = wording(check, from: from, to: to, elapsed: elapsed)
                return Finding(code: code, severity: .medium, theme: .procurement,
                               message: "采购项目“\(procurement.name)”" + message + uncoveredNote(check.uncoveredYears),
                               evidence: evidence,
                               measure: measure, subject: "procurements[\(index)]")
            }
        }
    }

    /// Says that working days were counted Monday to Friday for years the holiday calendar does not cover.
    private static func uncoveredNote(_ years: [Int]) -> String {
        guard !years.isEmpty else { return "" }
        return "（工作日日历未收录 \(years.map(String.init).joined(separator: "、")) 年的法定节假日安排，按周一至周五计算）"
    }

    private static func wording(_ check: ProcurementDeadlines.Check, from: CivilDate, to: CivilDate,
                                elapsed: Int) -> (String, String, [String], String) {
        let limit = check.limit
        switch check.step {
        case .intent:
            return ("PROCUREMENT_INTENT_LATE",
                    "的采购意向于 \(from) 公开，距采购活动开始（\(to)）仅 \(elapsed) 天，不足 \(limit) 天。",
                    ["意向公开：\(from)", "采购开始：\(to)"],
                    "提前编制采购计划，至少在采购活动开始前 \(limit) 日公开采购意向。")
        case .signing:
            return ("PROCUREMENT_SIGNING_LATE",
                    "于 \(from) 确定成交，\(to) 才签订合同，间隔 \(elapsed) 天，超过 \(limit) 天。",
                    ["成交通知：\(from)", "合同签订：\(to)"],
                    "自成交通知书发出之日起 \(limit) 日内签订采购合同。")
        case .publication:
            return ("PROCUREMENT_PUBLICATION_LATE",
                    "的合同于 \(from) 签订，\(to) 公告，相隔 \(elapsed) 个工作日，超过 \(limit) 个工作日。",
                    ["合同签订：\(from)", "合同公告：\(to)"],
                    "合同签订之日起 \(limit) 个工作日内在指定媒体公告。")
        case .filing:
            return ("PROCUREMENT_FILING_LATE",
                    "的合同于 \(from) 签订，\(to) 备案，相隔 \(elapsed) 个工作日，超过 \(limit) 个工作日。",
                    ["合同签订：\(from)", "合同备案：\(to)"],
                    "合同签订之日起 \(limit) 个工作日内将合同副本报同级财政部门备案。")
        }
    }
}
