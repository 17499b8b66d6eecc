extension FindingsEngine {
    /// Each procurement deadline broken: intention published too late, contract signed, published or filed late.
    static func procurementFindings(_ year: DepartmentYear, thresholds: FindingThresholds) -> [Finding] {
        var findings: [Finding] = []
        for (index, procurement) in year.procurements.enumerated() {
            let subject = "procurements[\(index)]"
            let label = "采购项目“\(procurement.name)”"
            func add(_ code: String, _ message: String, _ evidence: [String], _ measure: String) {
                findings.append(Finding(code: code, severity: .medium, theme: .procurement, message: label + message,
                                        evidence: evidence, measure: measure, subject: subject))
            }
            if let intent = procurement.intentPublished, let started = procurement.started,
               intent.days(to: started) < thresholds.intentLeadDays {
                add("PROCUREMENT_INTENT_LATE",
                    "的采购意向于 \(intent) 公开，距采购活动开始（\(started)）仅 \(intent.days(to: started)) 天，"
                        + "不足 \(thresholds.intentLeadDays) 天。",
                    ["意向公开：\(intent)", "采购开始：\(started)"],
                    "提前编制采购计划，至少在采购活动开始前 \(thresholds.intentLeadDays) 日公开采购意向。")
            }
            if let awarded = procurement.awarded, let signed = procurement.contractSigned,
               awarded.days(to: signed) > thresholds.signingDays {
                add("PROCUREMENT_SIGNING_LATE",
                    "于 \(awarded) 确定成交，\(signed) 才签订合同，间隔 \(awarded.days(to: signed)) 天，"
                        + "超过 \(thresholds.signingDays) 天。",
                    ["成交通知：\(awarded)", "合同签订：\(signed)"],
                    "自成交通知书发出之日起 \(thresholds.signingDays) 日内签订采购合同。")
            }
            guard let signed = procurement.contractSigned else { continue }
            if let published = procurement.contractPublished,
               WorkingDays.between(signed, published) > thresholds.publicationWorkingDays {
                add("PROCUREMENT_PUBLICATION_LATE",
                    "的合同于 \(signed) 签订，\(published) 公告，相隔 \(WorkingDays.between(signed, published)) 个工作日，"
                        + "超过 \(thresholds.publicationWorkingDays) 个工作日。",
                    ["合同签订：\(signed)", "合同公告：\(published)"],
                    "合同签订之日起 \(thresholds.publicationWorkingDays) 个工作日内在指定媒体公告。")
            }
            if let filed = procurement.contractFiled, WorkingDays.between(signed, filed) > thresholds.filingWorkingDays {
                add("PROCUREMENT_FILING_LATE",
                    "的合同于 \(signed) 签订，\(filed) 备案，相隔 \(WorkingDays.between(signed, filed)) 个工作日，"
                        + "超过 \(thresholds.filingWorkingDays) 个工作日。",
                    ["合同签订：\(signed)", "合同备案：\(filed)"],
                    "合同签订之日起 \(thresholds.filingWorkingDays) 个工作日内将合同副本报同级财政部门备案。")
            }
        }
        return findings
    }
}
