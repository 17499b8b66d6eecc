import JixiaoCore

/// A report as a tree of headings, paragraphs and tables, independent of any output format.
/// Every renderer (Markdown, HTML, later DOCX) draws the same tree, so the report has one code path.
public struct ReportDocument: Sendable, Hashable {
    /// The title, broken where a long title should break (the body's name, then what the document is).
    public var titleLines: [String]
    public var blocks: [Block]
    /// Printed on pages turned on their side (a table too wide for portrait).
    public var landscape = false

    public init(titleLines: [String], blocks: [Block]) {
        self.titleLines = titleLines
        self.blocks = blocks
    }

    /// The title on one line; for a document without title lines (a form whose table caption is its title), the
    /// first table's caption.
    public var title: String {
        guard titleLines.isEmpty else { return titleLines.joined() }
        for case .table(let table) in blocks where !table.caption.isEmpty { return table.caption }
        return ""
    }

    /// One block of the document.
    public enum Block: Sendable, Hashable {
        /// A numbered heading: level 1 is "一、", level 2 "（一）", level 3 "1."; the text carries its number.
        case heading(level: Int, text: String)
        case paragraph(String)
        case table(Table)
        /// A chart with its numbered caption (图1 …) below it.
        case figure(Chart, caption: String)
        /// What follows starts on a new page when printed.
        case pageBreak
        /// 落款: the issuing body and the date, right-aligned at the end of the text.
        case signature(lines: [String])
    }
}

/// A table whose cells may span rows and columns. Rows list only the cells that start in them, as HTML does;
/// ``grid`` lays them out on the full grid.
public struct Table: Sendable, Hashable {
    /// The title above the table; empty for a table that continues the one before it.
    public var caption: String
    public var columnCount: Int
    public var rows: [[Cell]]
    /// Relative column widths, one per column.
    public var columnWidths: [Int]
    /// How many leading rows are column titles, repeated at the top of every printed page.
    public var headerRowCount: Int
    /// In a workbook, the name of the sheet this table starts (an annex); nil to continue the sheet before it.
    public var sheet: String?

    public init(caption: String, columnWidths: [Int], headerRowCount: Int = 0, rows: [[Cell]], sheet: String? = nil) {
        self.caption = caption
        self.columnCount = columnWidths.count
        self.columnWidths = columnWidths
        self.headerRowCount = headerRowCount
        self.rows = rows
        self.sheet = sheet
    }

    /// A table cell.
    public struct Cell: Sendable, Hashable {
        public enum Alignment: String, Sendable, Hashable {
            case leading
            case center
            case trailing
        }

        /// A figure a spreadsheet should hold as a number, with how to display it.
        public enum Value: Sendable, Hashable {
            /// A number shown with a fixed count of decimals.
            case number(Rational, places: Int)
            /// A fraction shown as a percentage with a fixed count of decimals (0.9899 → 98.99%).
            case percent(Rational, places: Int)
        }

        /// The text as documents show it.
        public var text: String
        /// The number behind the text, for renderers that keep numbers as numbers (XLSX).
        public var value: Value?
        public var rowSpan: Int
        public var columnSpan: Int
        public var alignment: Alignment
        /// A heading cell (column or row title).
        public var isHeader: Bool
        /// Where a reader can check the figure (its evidence files, its records); the HTML report shows them after
        /// the text, the printed documents do not.
        public var links: [Link] = []

        /// A link from a figure to what supports it.
        public struct Link: Sendable, Hashable {
            public var text: String
            public var href: String

            public init(_ text: String, href: String) {
                self.text = text
                self.href = href
            }
        }

        public init(_ text: String, value: Value? = nil, rowSpan: Int = 1, columnSpan: Int = 1,
                    alignment: Alignment = .leading, isHeader: Bool = false) {
            self.text = text
            self.value = value
            self.rowSpan = rowSpan
            self.columnSpan = columnSpan
            self.alignment = alignment
            self.isHeader = isHeader
        }

        /// A centred heading cell.
        public static func header(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1) -> Cell {
            Cell(text, rowSpan: rowSpan, columnSpan: columnSpan, alignment: .center, isHeader: true)
        }

        /// A right-aligned figure shown as text only.
        public static func number(_ text: String) -> Cell { Cell(text, alignment: .trailing) }

        /// A right-aligned number with `places` decimals, kept as a number for spreadsheets.
        public static func number(_ value: Rational, places: Int) -> Cell {
            Cell(value.formatted(places: places), value: .number(value, places: places), alignment: .trailing)
        }

        /// A right-aligned percentage with `places` decimals, kept as a fraction for spreadsheets.
        public static func percent(_ value: Rational, places: Int) -> Cell {
            Cell(value.percentString(places: places), value: .percent(value, places: places), alignment: .trailing)
        }
    }

    /// What occupies one position of the grid.
    public enum Slot: Sendable, Hashable {
        /// The cell starts here.
        case cell(Cell)
        /// Covered by a cell that starts above or to the left (its row and column).
        case covered(byRow: Int, column: Int)
        /// Nothing was given for this position.
        case empty
    }

    /// The rows laid out on a `rows.count × columnCount` grid, spans expanded.
    public var grid: [[Slot]] {
        var grid = [[Slot]](repeating: [Slot](repeating: .empty, count: columnCount), count: rows.count)
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in row {
                while column < columnCount, grid[rowIndex][column] != .empty { column += 1 }
                guard column < columnCount else { break }
                grid[rowIndex][column] = .cell(cell)
                for spannedRow in rowIndex..<min(rows.count, rowIndex + cell.rowSpan) {
                    for spannedColumn in column..<min(columnCount, column + cell.columnSpan)
                    where (spannedRow, spannedColumn) != (rowIndex, column) {
                        grid[spannedRow][spannedColumn] = .covered(byRow: rowIndex, column: column)
                    }
                }
                column += cell.columnSpan
            }
        }
        return grid
    }
}
