/// A worksheet as plain values: a grid of cells with their look, merged ranges, column widths, frozen rows and
/// print setup. ``SpreadsheetWriter`` turns worksheets into an XLSX file.
public struct Worksheet: Sendable {
    public var name: String
    /// Cells by row, then column; rows may be shorter than others.
    public var rows: [[SheetCell]]
    /// Column widths in characters of the default font.
    public var columnWidths: [Double]
    /// Row heights in points by row index; rows not listed take the default height.
    public var rowHeights: [Int: Double]
    public var merges: [CellRange]
    /// Rows kept in view while scrolling.
    public var frozenRows: Int
    /// Rows printed again at the top of every page.
    public var printTitleRows: ClosedRange<Int>?
    public var landscape: Bool
    /// Drop-down lists: cells in a range accept only the listed values.
    public var validations: [ListValidation]

    public init(name: String, rows: [[SheetCell]] = [], columnWidths: [Double] = [], rowHeights: [Int: Double] = [:],
                merges: [CellRange] = [], frozenRows: Int = 0, printTitleRows: ClosedRange<Int>? = nil,
                landscape: Bool = false, validations: [ListValidation] = []) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.rowHeights = rowHeights
        self.merges = merges
        self.frozenRows = frozenRows
        self.printTitleRows = printTitleRows
        self.landscape = landscape
        self.validations = validations
    }
}

/// A drop-down list on a range of cells.
public struct ListValidation: Sendable, Hashable {
    public var range: CellRange
    /// The allowed values (their joined length must stay under 255 characters, Excel's limit).
    public var values: [String]

    public init(range: CellRange, values: [String]) {
        self.range = range
        self.values = values
    }
}

/// One cell: its value and its look.
public struct SheetCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case empty
        case text(String)
        /// A number as an exact decimal literal (`"98.99"`, `"0.9899"`), written as is.
        case number(String)
    }

    public var value: Value
    public var style: CellStyle

    public init(_ value: Value, style: CellStyle = CellStyle()) {
        self.value = value
        self.style = style
    }
}

/// How a cell looks. Equal styles share one entry in the workbook's style table.
public struct CellStyle: Sendable, Hashable {
    public enum NumberFormat: Sendable, Hashable {
        case general
        /// Fixed decimals: `0`, `0.00`…
        case decimal(places: Int)
        /// A fraction shown as a percentage: `0.00%`…
        case percent(places: Int)
        /// A date serial shown as `yyyy-mm-dd`.
        case date
        /// Text, even when it looks like a number (`@`).
        case text
        /// Any Excel format code, e.g. `#,##0.00`.
        case custom(String)

        /// The Excel format code.
        var code: String {
            switch self {
            case .general: "General"
            case .decimal(let places): places == 0 ? "0" : "0." + String(repeating: "0", count: places)
            case .percent(let places): (places == 0 ? "0" : "0." + String(repeating: "0", count: places)) + "%"
            case .date: "yyyy-mm-dd"
            case .text: "@"
            case .custom(let code): code
            }
        }
    }

    public enum Alignment: String, Sendable, Hashable {
        case general
        case left
        case center
        case right
    }

    public var numberFormat: NumberFormat
    public var bold: Bool
    /// Font size in points.
    public var fontSize: Int
    public var alignment: Alignment
    public var wrap: Bool
    /// A thin border on all four sides.
    public var bordered: Bool

    public init(numberFormat: NumberFormat = .general, bold: Bool = false, fontSize: Int = 11,
                alignment: Alignment = .general, wrap: Bool = false, bordered: Bool = false) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.fontSize = fontSize
        self.alignment = alignment
        self.wrap = wrap
        self.bordered = bordered
    }
}

/// A rectangle of cells, zero-based.
public struct CellRange: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var rowCount: Int
    public var columnCount: Int

    public init(row: Int, column: Int, rowCount: Int, columnCount: Int) {
        self.row = row
        self.column = column
        self.rowCount = rowCount
        self.columnCount = columnCount
    }

    /// `A1:C2` style.
    public var reference: String {
        CellRange.reference(row: row, column: column) + ":"
            + CellRange.reference(row: row + rowCount - 1, column: column + columnCount - 1)
    }

    /// `A1` for row 0, column 0; `AA10` for row 9, column 26.
    public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row + 1) }

    /// `A`, `B`, … `Z`, `AA`, …
    public static func columnName(_ column: Int) -> String {
        var index = column + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }
}
