import JixiaoCore

extension ReportDocument {
    /// The heading each narrative section is written under.
    public static func heading(of section: NarrativeSection) -> String {
        switch section {
        case .performance: "（一）履职效能分析"
        case .management: "（二）绩效管理"
        case .procurement: "（三）采购管理"
        case .assets: "（四）资产管理"
        case .problems: "三、存在的主要问题"
        case .measures: "四、下一步改进措施"
        }
    }

    /// The text under a section's heading as the report prints it (subheadings included), one paragraph a line.
    public func text(of section: NarrativeSection) -> String {
        let title = ReportDocument.heading(of: section)
        guard let start = blocks.firstIndex(where: { if case .heading(_, title) = $0 { true } else { false } }),
              case .heading(let level, _) = blocks[start] else { return "" }
        var lines: [String] = []
        for block in blocks[(start + 1)...] {
            switch block {
            case .heading(let depth, let text):
                if depth <= level { return lines.joined(separator: "\n") }
                lines.append(text)
            case .paragraph(let text): lines.append(text)
            case .figure: continue
            case .table, .pageBreak, .signature: return lines.joined(separator: "\n")
            }
        }
        return lines.joined(separator: "\n")
    }
}
