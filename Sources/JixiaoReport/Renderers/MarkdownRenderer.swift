/// Renders a report as Markdown (GitHub-flavoured tables). Merged cells are written once, in their first
/// position; the positions they cover stay blank, since Markdown tables cannot merge.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var parts = ["# " + document.title]
        for block in document.blocks {
            switch block {
            case .heading(let level, let text): parts.append(String(repeating: "#", count: level + 1) + " " + text)
            case .paragraph(let text): parts.append(escape(text))
            case .table(let table): parts.append(render(table))
            case .figure(_, let caption): parts.append("> " + escape(caption) + "（图形见 HTML、Word、PDF 版）")
            case .pageBreak: parts.append("---")
            case .signature(let lines): parts.append(lines.map { escape($0) }.joined(separator: "  \n"))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ table: Table) -> String {
        let grid = table.grid
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        let alignments = (0..<table.columnCount).map { column -> String in
            let cells = grid.compactMap { row -> Table.Cell? in
                if case .cell(let cell) = row[column], !cell.isHeader { return cell }
                return nil
            }
            return cells.contains { $0.alignment == .trailing } ? "---:" : "---"
        }
        let text = grid.map { row in
            line(row.map { slot in
                guard case .cell(let cell) = slot, !cell.text.isEmpty else { return "" }
                return cell.isHeader ? "**\(escape(cell.text))**" : escape(cell.text)
            })
        }
        let caption = table.caption.isEmpty ? [] : ["**\(escape(table.caption))**", ""]
        guard let header = text.first else { return caption.joined(separator: "\n") }
        return (caption + [header, line(alignments)] + text.dropFirst()).joined(separator: "\n")
    }

    /// Escapes the characters Markdown would read as markup in running text and table cells.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "*", "_", "`", "\\", "[", "]", "<", ">", "#": result += "\\" + String(character)
            case "\n": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }
}
