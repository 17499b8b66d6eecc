import Foundation
import JixiaoCore
import JixiaoOffice

/// A list the bureau exports (部门比较, 评价结果应用) as an Excel workbook of one sheet: the header row bold and
/// frozen, the columns that hold figures written as numbers so Excel can sort and sum them, everything else as text
/// (codes such as 440112 keep their leading digits).
public enum TableWorkbook {
    /// The workbook of `rows` under `header`; the cells of `numericColumns` that read as decimals become numbers.
    public static func data(title: String, header: [String], rows: [[String]], numericColumns: Set<Int>) throws -> Data {
        let bold = CellStyle(bold: true)
        let text = CellStyle(numberFormat: .text)
        var cells = [header.map { SheetCell(.text($0), style: bold) }]
        for row in rows {
            cells.append(row.enumerated().map { column, value in
                if numericColumns.contains(column), value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
                   Rational(decimal: value) != nil {
                    return SheetCell(.number(value))
                }
                return SheetCell(value.isEmpty ? .empty : .text(value), style: text)
            })
        }
        let widths = header.indices.map { column in
            Double(min(40, max(8, ([header[column]] + rows.map { $0.indices.contains(column) ? $0[column] : "" })
                .map { $0.count * 2 }.max() ?? 8)))
        }
        return try SpreadsheetWriter.write([Worksheet(name: title, rows: cells, columnWidths: widths, frozenRows: 1)],
                                           title: title)
    }
}
