import JixiaoCore

/// 三、存在的主要问题 and 四、下一步改进措施, drafted from the findings.
extension DraftContext {
    /// The written account, then the problems found, grouped by theme, each with its evidence in words.
    func problems() -> [ReportDocument.Block] {
        var blocks = written(.problems)
        let found = actionableFindings
        guard !found.isEmpty else {
            if blocks.isEmpty { blocks.append(.paragraph("经对照数据逐项检查，本年度未发现需要整改的问题。")) }
            return blocks
        }
        let themes = Finding.Theme.allCases.filter { theme in found.contains { $0.theme == theme } }
        if blocks.isEmpty {
            blocks.append(.paragraph("经对照数据逐项检查，本年度在"
                + themes.map { $0.problem(for: found) }.joined(separator: "、") + "等方面存在问题。"))
        }
        for (offset, theme) in themes.enumerated() {
            blocks.append(.heading(level: 2, text: "（\(ChineseText.numeral(offset + 1))）\(theme.problem(for: found))"))
            for (index, line) in Self.lines(found.filter { $0.theme == theme }).enumerated() {
                blocks.append(.paragraph("\(index + 1). \(line)"))
            }
        }
        return blocks
    }

    /// One line per finding, except that three or more findings of a rule with a gathered headline become one
    /// line naming their records, where the first of them stood.
    static func lines(_ findings: [Finding]) -> [String] {
        var gathered: [String: [Finding]] = [:]
        for finding in findings where FindingsEngine.gatheredHeadlines[finding.code] != nil && finding.item != nil {
            gathered[finding.code, default: []].append(finding)
        }
        var written: Set<String> = []
        return findings.compactMap { finding in
            guard let group = gathered[finding.code], group.count >= 3,
                  let headline = FindingsEngine.gatheredHeadlines[finding.code] else { return finding.message }
            guard written.insert(finding.code).inserted else { return nil }
            return "\(group.count) \(headline)：" + group.compactMap(\.item).joined(separator: "、") + "。"
        }
    }

    /// The written measures, else one measure per distinct suggestion of the problems found.
    func measures() -> [ReportDocument.Block] {
        let written = written(.measures)
        guard written.isEmpty else { return written }
        var seen: Set<String> = []
        let suggestions = actionableFindings.map(\.measure).filter { seen.insert($0).inserted }
        guard !suggestions.isEmpty else {
            return [.paragraph("继续坚持绩效目标、运行监控和评价结果应用的全过程管理，保持预算执行均衡，"
                + "进一步提高资金使用效益。")]
        }
        return [.paragraph(ChineseText.enumerate(suggestions))]
    }
}
