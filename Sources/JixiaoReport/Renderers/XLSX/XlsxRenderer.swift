import Foundation
import JixiaoCore
import JixiaoOffice

/// Renders a report's tables (the score table, 自评表) as a worksheet — and each annex table that names a sheet of
/// its own as that sheet: figures as numbers with their formats, merged cells as in the document, the column
/// titles frozen and printed on every page, A4 fit to width.
public enum XlsxRenderer {
    /// Column widths in characters for the whole table width.
    static let tableWidthCharacters = 120.0

    public static func render(_ document: ReportDocument) throws -> Data {
        try SpreadsheetWriter.write(worksheets(document), title: document.title)
    }

    /// Several documents' tables in one workbook, a sheet each (e.g. every project's table of a department).
    public static func render(sheets: [(name: String, document: ReportDocument)], title: String) throws -> Data {
        try SpreadsheetWriter.write(sheets.flatMap { worksheets($0.document, name: $0.name) }, title: title)
    }

    /// The document's tables, a sheet from each table that names one on.
    static func worksheets(_ document: ReportDocument, name: String = "自评表") -> [Worksheet] {
        let tables = document.blocks.compactMap { block -> Table? in if case .table(let table) = block { table } else { nil } }
        var groups: [(name: String, tables: [Table])] = []
        for table in tables {
            if let sheet = table.sheet ?? (groups.isEmpty ? name : nil) {
                groups.append((sheet, [table]))
            } else {
                groups[groups.count - 1].tables.append(table)
            }
        }
        if groups.isEmpty { groups.append((name, [])) }
        return groups.map { worksheet($0.tables, name: $0.name, landscape: document.landscape) }
    }

    private static func worksheet(_ tables: [Table], name: String, landscape: Bool) -> Worksheet {
        let columns = tables.map(\.columnCount).max() ?? 1
        let relative = tables.first?.columnWidths ?? [Int](repeating: 1, count: columns)
        let total = Double(max(1, relative.reduce(0, +)))
        var sheet = Worksheet(name: name, columnWidths: relative.map { Double($0) / total * tableWidthCharacters })
        sheet.landscape = landscape
        for table in tables {
            if !table.caption.isEmpty {
                sheet.merges.append(CellRange(row: sheet.rows.count, column: 0, rowCount: 1, columnCount: columns))
                sheet.rowHeights[sheet.rows.count] = 30
                sheet.rows.append([SheetCell(.text(table.caption),
                                             style: CellStyle(bold: true, fontSize: 14, alignment: .center))]
                    + [SheetCell](repeating: SheetCell(.empty), count: columns - 1))
            }
            append(table, to: &sheet)
        }
        return sheet
    }

    /// Appends a table's grid: every position gets a bordered cell (covered ones empty) so merged areas keep
    /// their borders; header rows of the last table are frozen and repeated when printed.
    private static func append(_ table: Table, to sheet: inout Worksheet) {
        let first = sheet.rows.count
        for (rowIndex, row) in table.grid.enumerated() {
            var cells: [SheetCell] = []
            var lines = 1
            for (column, slot) in row.enumerated() {
                guard case .cell(let cell) = slot else {
                    cells.append(SheetCell(.empty, style: CellStyle(wrap: true, bordered: true)))
                    continue
                }
                if cell.rowSpan > 1 || cell.columnSpan > 1 {
                    sheet.merges.append(CellRange(row: first + rowIndex, column: column, rowCount: cell.rowSpan,
                                                  columnCount: cell.columnSpan))
                }
                cells.append(sheetCell(cell))
                if cell.rowSpan == 1 {
                    let span = sheet.columnWidths[column..<min(sheet.columnWidths.count, column + cell.columnSpan)]
                    lines = max(lines, lineCount(cell.text, width: span.reduce(0, +)))
                }
            }
            sheet.rowHeights[first + rowIndex] = Double(lines) * 14.25 + 4
            sheet.rows.append(cells)
        }
        if table.headerRowCount > 0 {
            sheet.frozenRows = first + table.headerRowCount
            sheet.printTitleRows = first...(first + table.headerRowCount - 1)
        }
    }

    private static func sheetCell(_ cell: Table.Cell) -> SheetCell {
        let alignment: CellStyle.Alignment = switch cell.alignment {
        case .leading: .left
        case .center: .center
        case .trailing: .right
        }
        var style = CellStyle(bold: cell.isHeader, alignment: cell.isHeader ? .center : alignment, wrap: true,
                              bordered: true)
        switch cell.value {
        case .number(let value, let places)?:
            style.numberFormat = .decimal(places: places)
            return SheetCell(.number(value.description), style: style)
        case .percent(let value, let places)?:
            style.numberFormat = .percent(places: places)
            return SheetCell(.number(value.description), style: style)
        case nil:
            return SheetCell(cell.text.isEmpty ? .empty : .text(cell.text), style: style)
        }
    }

    /// How many lines a text wraps to in a column `width` characters wide (a CJK character is two wide).
    static func lineCount(_ text: String, width: Double) -> Int {
        let units = text.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E7F ? 2 : 1.1) }
        return max(1, Int((units / max(1, width - 1)).rounded(.up)))
    }
}
