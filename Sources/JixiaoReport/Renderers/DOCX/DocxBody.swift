import JixiaoOffice

/// `word/document.xml`: the report's blocks as paragraphs and tables, then the 公文 page setup.
struct DocxBody {
    let style: OfficialStyle
    /// Relationship ids of the odd-page and even-page footers.
    let footers: (odd: String, even: String)
    /// Relationship ids of the figures' pictures, in document order.
    let pictures: [String]

    func xml(_ document: ReportDocument) -> XMLWriter {
        var xml = XMLWriter()
        xml.element("w:document", WordML.namespaces) { xml in
            xml.element("w:body") { xml in
                if !document.titleLines.isEmpty {
                    paragraph(&xml, style: DocxStyles.ID.title, lines: document.titleLines)
                }
                var breakBefore = false
                var figures = 0
                for block in document.blocks {
                    switch block {
                    case .heading(let level, let text):
                        paragraph(&xml, style: DocxStyles.ID.heading[min(level, 3) - 1], lines: [text],
                                  pageBreakBefore: breakBefore)
                    case .paragraph(let text):
                        paragraph(&xml, style: nil, lines: [text], pageBreakBefore: breakBefore)
                    case .table(let table):
                        self.table(&xml, table, pageBreakBefore: breakBefore)
                    case .figure(let chart, let caption):
                        figures += 1
                        picture(&xml, chart, number: figures, pageBreakBefore: breakBefore)
                        paragraph(&xml, style: DocxStyles.ID.figureCaption, lines: [caption])
                    case .pageBreak:
                        breakBefore = true
                        continue
                    case .signature(let lines):
                        paragraph(&xml, style: nil, lines: [""])
                        paragraph(&xml, style: nil, lines: lines, pageBreakBefore: breakBefore, alignment: .trailing)
                    }
                    breakBefore = false
                }
                // Word expects the body to end with a paragraph, not a table.
                if case .table? = document.blocks.last { hairline(&xml) }
                sectionProperties(&xml)
            }
        }
        return xml
    }

    /// A paragraph; several lines are separated by line breaks.
    private func paragraph(_ xml: inout XMLWriter, style: String?, lines: [String], pageBreakBefore: Bool = false,
                           alignment: Table.Cell.Alignment? = nil, bold: Bool = false, keepNext: Bool = false) {
        xml.element("w:p") { xml in
            if style != nil || pageBreakBefore || alignment != nil || keepNext {
                xml.element("w:pPr") { xml in
                    if let style { xml.empty("w:pStyle", [("w:val", style)]) }
                    if keepNext { xml.empty("w:keepNext") }
                    if pageBreakBefore { xml.empty("w:pageBreakBefore") }
                    if let alignment {
                        xml.empty("w:jc", [("w:val", alignment == .center ? "center"
                                                    : alignment == .trailing ? "right" : "left")])
                    }
                }
            }
            for (index, line) in lines.enumerated() {
                if index > 0 { xml.element("w:r") { $0.empty("w:br") } }
                if !line.isEmpty { xml.run(line, bold: bold) }
            }
        }
    }

    /// A table with a fixed grid; merged cells from the table's grid; header rows repeat on every page. A table
    /// without a caption continues the one before it, so they are parted by a hairline paragraph only.
    private func table(_ xml: inout XMLWriter, _ table: Table, pageBreakBefore: Bool) {
        if table.caption.isEmpty {
            hairline(&xml)
        } else {
            paragraph(&xml, style: DocxStyles.ID.tableCaption, lines: [table.caption], pageBreakBefore: pageBreakBefore)
        }
        let widths = columnTwips(table)
        let grid = table.grid
        xml.element("w:tbl") { xml in
            xml.element("w:tblPr") { xml in
                xml.empty("w:tblW", [("w:w", String(style.textWidthTwips)), ("w:type", "dxa")])
                xml.empty("w:jc", [("w:val", "center")])
                xml.element("w:tblBorders") { xml in
                    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                        xml.empty("w:\(side)", [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"),
                                                 ("w:color", "000000")])
                    }
                }
                xml.empty("w:tblLayout", [("w:type", "fixed")])
                xml.element("w:tblCellMar") { xml in
                    xml.empty("w:left", [("w:w", "57"), ("w:type", "dxa")])
                    xml.empty("w:right", [("w:w", "57"), ("w:type", "dxa")])
                }
            }
            xml.element("w:tblGrid") { xml in
                for width in widths { xml.empty("w:gridCol", [("w:w", String(width))]) }
            }
            // The last rows go to a page together, so a table never ends with a row or two and its total alone.
            let keptFrom = max(table.headerRowCount, grid.count - DocxBody.rowsKeptAtTheEnd)
            for (rowIndex, row) in grid.enumerated() {
                xml.element("w:tr") { xml in
                    xml.element("w:trPr") { xml in
                        xml.empty("w:cantSplit")
                        if rowIndex < table.headerRowCount { xml.empty("w:tblHeader") }
                    }
                    var column = 0
                    while column < row.count {
                        column += cell(&xml, grid: grid, row: rowIndex, column: column, widths: widths,
                                       keepNext: rowIndex >= keptFrom && rowIndex < grid.count - 1)
                    }
                }
            }
        }
    }

    /// Writes the cell starting at a grid position (or the continuation of a vertical merge) and returns how many
    /// grid columns it covers.
    private func cell(_ xml: inout XMLWriter, grid: [[Table.Slot]], row: Int, column: Int, widths: [Int],
                      keepNext: Bool) -> Int {
        let origin: Table.Cell
        var continuesMerge = false
        switch grid[row][column] {
        case .cell(let cell):
            origin = cell
        case .covered(let byRow, let byColumn):
            guard byRow != row, byColumn == column, case .cell(let cell) = grid[byRow][byColumn] else { return 1 }
            origin = cell
            continuesMerge = true
        case .empty:
            origin = Table.Cell("")
        }
        let span = max(1, min(origin.columnSpan, widths.count - column))
        xml.element("w:tc") { xml in
            xml.element("w:tcPr") { xml in
                xml.empty("w:tcW", [("w:w", String(widths[column..<column + span].reduce(0, +))), ("w:type", "dxa")])
                if span > 1 { xml.empty("w:gridSpan", [("w:val", String(span))]) }
                if continuesMerge { xml.empty("w:vMerge") }
                else if origin.rowSpan > 1 { xml.empty("w:vMerge", [("w:val", "restart")]) }
                xml.empty("w:vAlign", [("w:val", "center")])
            }
            paragraph(&xml, style: DocxStyles.ID.tableText, lines: [continuesMerge ? "" : origin.text],
                      alignment: origin.alignment, bold: origin.isHeader, keepNext: keepNext)
        }
        return span
    }

    /// A table's last rows kept on one page: three rows and the one that closes the table (a total).
    static let rowsKeptAtTheEnd = 4

    /// A paragraph one point high: parts two tables that read as one, and closes a body that ends in a table.
    private func hairline(_ xml: inout XMLWriter) {
        xml.element("w:p") { xml in
            xml.element("w:pPr") { xml in
                xml.empty("w:pStyle", [("w:val", DocxStyles.ID.tableText)])
                xml.empty("w:spacing", [("w:line", "20"), ("w:lineRule", "exact")])
            }
        }
    }

    /// Column widths in twips, proportional to the table's, adding up to the text width exactly.
    private func columnTwips(_ table: Table) -> [Int] {
        let total = max(1, table.columnWidths.reduce(0, +))
        var widths = table.columnWidths.map { $0 * style.textWidthTwips / total }
        if !widths.isEmpty { widths[widths.count - 1] += style.textWidthTwips - widths.reduce(0, +) }
        return widths
    }

    /// A4 portrait, the 公文 margins, odd and even footers, and the line and character grid.
    private func sectionProperties(_ xml: inout XMLWriter) {
        xml.element("w:sectPr") { xml in
            xml.empty("w:footerReference", [("w:type", "default"), ("r:id", footers.odd)])
            xml.empty("w:footerReference", [("w:type", "even"), ("r:id", footers.even)])
            xml.empty("w:pgSz", [("w:w", String(OfficialStyle.twips(millimetres: style.pageWidth))),
                                 ("w:h", String(OfficialStyle.twips(millimetres: style.pageHeight)))]
                                + (style.isLandscape ? [("w:orient", "landscape")] : []))
            xml.empty("w:pgMar", [
                ("w:top", String(OfficialStyle.twips(millimetres: style.marginTop))),
                ("w:right", String(OfficialStyle.twips(millimetres: style.marginRight))),
                ("w:bottom", String(OfficialStyle.twips(millimetres: style.marginBottom))),
                ("w:left", String(OfficialStyle.twips(millimetres: style.marginLeft))),
                ("w:header", "851"),
                ("w:footer", String(OfficialStyle.twips(millimetres: style.footerDistance))),
                ("w:gutter", "0"),
            ])
            xml.empty("w:docGrid", [("w:type", "lines"), ("w:linePitch", String(style.linePitchTwips))])
        }
    }
}
