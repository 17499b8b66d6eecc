/// Renders a report as one standalone, printable HTML file in the layout of official documents
/// (A4, 公文 margins and faces), with no external resources.
public enum HTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        let title = "<h1>" + document.titleLines.map { escape($0) }.joined(separator: "<br>") + "</h1>"
        let body = (document.titleLines.isEmpty ? [] : [title]) + [fragment(document.blocks)]
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(document.title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    /// Blocks as HTML without the page around them, for embedding in another page (the web monitoring page).
    public static func fragment(_ blocks: [ReportDocument.Block]) -> String {
        blocks.map { block in
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(level + 1, 6))"
                return "<\(tag)>\(escape(text))</\(tag)>"
            case .paragraph(let text): return "<p>\(escape(text))</p>"
            case .table(let table): return render(table)
            case .figure(let chart, let caption):
                return "<figure>\(chart.svg)<figcaption>\(escape(caption))</figcaption></figure>"
            case .pageBreak: return "<div class=\"page-break\"></div>"
            case .signature(let lines): return "<p class=\"signature\">\(lines.map { escape($0) }.joined(separator: "<br>"))</p>"
            }
        }.joined(separator: "\n")
    }

    private static func render(_ table: Table) -> String {
        let total = table.columnWidths.reduce(0, +)
        var lines = [table.caption.isEmpty ? "<table class=\"continued\">" : "<table>"]
        if !table.caption.isEmpty { lines.append("<caption>\(escape(table.caption))</caption>") }
        lines.append("<colgroup>")
        lines += table.columnWidths.map { "<col style=\"width:\(($0 * 1000 / max(total, 1)) / 10)%\">" }
        lines.append("</colgroup>")
        for (index, row) in table.rows.enumerated() {
            if index == 0 { lines.append(table.headerRowCount > 0 ? "<thead>" : "<tbody>") }
            if index == table.headerRowCount, index > 0 { lines.append("</thead>\n<tbody>") }
            let cells = row.map { cell -> String in
                let tag = cell.isHeader ? "th" : "td"
                var attributes = ""
                if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
                if cell.columnSpan > 1 { attributes += " colspan=\"\(cell.columnSpan)\"" }
                if cell.alignment != .leading { attributes += " class=\"\(cell.alignment.rawValue)\"" }
                let links = cell.links.isEmpty ? "" : "<span class=\"links\">" + cell.links.map { link in
                    "<a href=\"\(escape(link.href, lineBreaks: false))\">\(escape(link.text))</a>"
                }.joined(separator: " ") + "</span>"
                return "<\(tag)\(attributes)>\(escape(cell.text))\(links)</\(tag)>"
            }
            lines.append("<tr>" + cells.joined() + "</tr>")
        }
        if !table.rows.isEmpty { lines.append(table.rows.count > table.headerRowCount ? "</tbody>" : "</thead>") }
        lines.append("</table>")
        return lines.joined(separator: "\n")
    }

    /// Escapes text for HTML content and attribute values; with `lineBreaks`, a newline becomes `<br>` (report
    /// text), without it newlines stay as they are (attribute values, form fields). Shared with the web pages.
    public static func escape(_ text: String, lineBreaks: Bool = true) -> String {
        // Byte by byte: the characters replaced are all ASCII, and in UTF-8 no byte of another character is one of
        // them. Most text has none, and is returned as it is.
        func replacement(_ byte: UInt8) -> StaticString? {
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            case UInt8(ascii: "\n") where lineBreaks: "<br>"
            default: nil
            }
        }
        guard text.utf8.contains(where: { replacement($0) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let replacement = replacement(byte) {
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 公文 layout: A4 with margins 37/26/35/28 mm, 3号 仿宋 body, 2号 小标宋 title, 黑体 and 楷体 headings.
    static let stylesheet = """
    @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
    body { margin: 0; background: #f4f4f4; color: #000; }
    main { box-sizing: border-box; max-width: 210mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; background: #fff;
      font-family: "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.9pt; }
    h1 { font-family: "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal;
      text-align: center; line-height: 1.5; margin: 0 0 28.9pt; }
    h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal;
      margin: 0; text-indent: 2em; }
    h3 { font-family: "楷体_GB2312", "KaiTi", "楷体", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: normal;
      margin: 0; text-indent: 2em; }
    p { margin: 0; text-indent: 2em; text-align: justify; }
    p.signature { text-indent: 0; text-align: right; margin: 32pt 4em 0 0; }
    figure { margin: 12pt 0; text-align: center; break-inside: avoid; }
    figure svg { max-width: 100%; height: auto; }
    figcaption { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.6; }
    .page-break { break-before: page; page-break-before: always; height: 0; }
    table { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 1.4; margin-top: 12pt; }
    table.continued { margin-top: -1px; }
    caption { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 14pt; padding-bottom: 8pt; }
    th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: middle; }
    th { font-weight: bold; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    .center { text-align: center; }
    .links { display: block; font-size: 9pt; } .links a { margin-right: 0.5em; } @media print { .links { display: none; } }
    .trailing { text-align: right; font-variant-numeric: tabular-nums; }
    @media print { body { background: none; } main { max-width: none; padding: 0; } }
    @media (max-width: 800px) { main { padding: 16px; } }
    """
}
