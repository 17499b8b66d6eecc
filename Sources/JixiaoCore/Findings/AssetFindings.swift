extension FindingsEngine {
    /// Assets whose declared total is not the sum of its parts, or that are stated at another date than year end.
    static func assetFindings(_ year: DepartmentYear) -> [Finding] {
        guard let assets = year.assets else { return [] }
        var findings: [Finding] = []
        if let declared = assets.declaredTotal, declared != assets.total {
            findings.append(Finding(
                code: "ASSETS_MISMATCH", severity: .high, theme: .assets,
                message: "资产总额填报 \(assets.figure(declared))，流动资产 \(assets.figure(assets.current))与非流动资产 "
                    + "\(assets.figure(assets.nonCurrent))合计为 \(assets.figure(assets.total))，两者不一致。",
                evidence: ["资产总额：\(declared.yuanString) 元", "流动资产：\(assets.current.yuanString) 元",
                           "非流动资产：\(assets.nonCurrent.yuanString) 元"],
                measure: "与资产负债表核对资产总额及其构成，更正后重新填报。", subject: "assets"))
        }
        if let yearEnd = CivilDate(year: year.year, month: 12, day: 31), assets.asOf != yearEnd {
            findings.append(Finding(
                code: "ASSETS_NOT_YEAR_END", severity: .low, theme: .assets,
                message: "资产数据截至 \(assets.asOf)，不是年末（\(yearEnd)）。",
                evidence: ["截止日期：\(assets.asOf)"],
                measure: "自评报告应使用 12 月 31 日的资产负债表数据。", subject: "assets.asOf"))
        }
        return findings
    }
}
