import JixiaoCore

extension ReportDocument {
    /// The text under a section's heading as the report prints it (subheadings included), one paragraph a line.
    public func text(of section: NarrativeSection) -> String {
        let title = section.heading
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
