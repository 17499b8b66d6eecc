import Foundation

/// A workbook as read from an XLSX file: each sheet's cells by row and column, with merged ranges.
public struct Workbook: Sendable {
    public var sheets: [Sheet]
    /// Whether date serials count from 1904 (old Mac Excel) rather than 1900.
    public var uses1904Dates: Bool

    /// The sheet with a name, if there is one.
    public func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// One sheet's content.
    public struct Sheet: Sendable {
        public var name: String
        /// Rows of cells, zero-based; missing cells are nil. Cells covered by a merged range carry the value of
        /// the range's top-left cell, so a merged code or date reads on every row it spans.
        public var rows: [[Cell?]]
        public var merges: [CellRange]

        /// The cell at a position, if any.
        public subscript(row: Int, column: Int) -> Cell? {
            row < rows.count && column < rows[row].count ? rows[row][column] : nil
        }
    }

    /// A cell's value as stored: formulas give their cached result.
    public enum Cell: Sendable, Hashable {
        case text(String)
        /// A number as its literal text in the file.
        case number(String)
        case bool(Bool)
        /// An error value such as `#DIV/0!`.
        case error(String)
    }
}

/// Reads XLSX workbooks written by Excel, WPS or LibreOffice Calc: shared and inline strings, rich text, numbers,
/// booleans, formulas (their cached values), merged cells, sparse rows. The file is untrusted: sizes are capped by
/// ``PackageReader``, any part declaring a DTD is refused (no entity is ever expanded or fetched), and the XML is read
/// by ``XMLScanner``, which answers malformed bytes with an error.
public enum SpreadsheetReader {
    /// Why a workbook cannot be read.
    public enum ReadError: Error, CustomStringConvertible, Equatable {
        case package(PackageReader.ReadError)
        case missingPart(String)
        case malformedPart(String, reason: String)
        case declaresDTD(String)

        public var description: String {
            switch self {
            case .package(let error): error.description
            case .missingPart(let part): "has no \(part) (not a spreadsheet, or damaged)"
            case .malformedPart(let part, let reason): "has a damaged part \(part): \(reason)"
            case .declaresDTD(let part): "part \(part) declares a DTD, which spreadsheets never need; refused"
            }
        }

        /// The same in Chinese.
        public var chinese: String {
            switch self {
            case .package(let error): error.chinese
            case .missingPart(let part): "缺少 \(part)，不是电子表格文件或已损坏"
            case .malformedPart(let part, _): "文件部件 \(part) 已损坏，无法读取"
            case .declaresDTD(let part): "文件部件 \(part) 含有 DTD 声明，出于安全原因拒绝读取"
            }
        }
    }

    public static func read(_ data: Data, limits: PackageReader = PackageReader()) throws(ReadError) -> Workbook {
        let parts: [String: Data]
        do { parts = try limits.parts(of: data) } catch { throw .package(error) }
        for (path, content) in parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            if content.range(of: Data("<!DOCTYPE".utf8)) != nil || content.range(of: Data("<!ENTITY".utf8)) != nil {
                throw .declaresDTD(path)
            }
        }
        guard let workbookXML = parts["xl/workbook.xml"] else { throw .missingPart("xl/workbook.xml") }
        let workbook = try parse(workbookXML, part: "xl/workbook.xml", with: WorkbookHandler())
        var relationships: [String: String] = [:]
        if let rels = parts["xl/_rels/workbook.xml.rels"] {
            relationships = try parse(rels, part: "xl/_rels/workbook.xml.rels", with: RelationshipsHandler()).targets
        }
        var strings: [String] = []
        if let shared = parts["xl/sharedStrings.xml"] {
            strings = try parse(shared, part: "xl/sharedStrings.xml", with: SharedStringsHandler()).strings
        }
        var sheets: [Workbook.Sheet] = []
        for (name, relationship) in workbook.sheets {
            guard let target = relationships[relationship] else { throw .missingPart("the part of sheet \(name)") }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let content = parts[path] else { throw .missingPart(path) }
            let handler = try parse(content, part: path, with: SheetHandler(strings: strings))
            sheets.append(Workbook.Sheet(name: name, rows: handler.filledRows(), merges: handler.merges))
        }
        return Workbook(sheets: sheets, uses1904Dates: workbook.uses1904Dates)
    }

    private static func parse<Handler: PartHandler>(_ data: Data, part: String,
                                                    with handler: Handler) throws(ReadError) -> Handler {
        var adapter = ScannerAdapter(handler: handler)
        do { try XMLScanner.scan(Array(data), into: &adapter) } catch {
            throw .malformedPart(part, reason: "\(error.reason) at byte \(error.offset)")
        }
        if let failure = handler.failure { throw .malformedPart(part, reason: failure) }
        return handler
    }

    /// `B3` → (row 2, column 1).
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                sawLetter = true
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !sawDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9") where sawLetter:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
            guard column <= 16_384, row <= 1_048_576 else { return nil }
        }
        return sawDigit && row > 0 ? (row - 1, column - 1) : nil
    }

    /// `A1:C3` → a range.
    static func range(_ reference: String) -> CellRange? {
        let ends = reference.split(separator: ":")
        guard let first = ends.first.flatMap({ position(String($0)) }),
              let last = (ends.count == 2 ? ends.last : ends.first).flatMap({ position(String($0)) }),
              last.row >= first.row, last.column >= first.column else { return nil }
        return CellRange(row: first.row, column: first.column, rowCount: last.row - first.row + 1,
                         columnCount: last.column - first.column + 1)
    }
}

/// Feeds the scanner's events to a part handler.
private struct ScannerAdapter: XMLScanner.Handler {
    let handler: PartHandler

    mutating func start(_ name: Substring, _ attributes: [(name: Substring, value: String)]) {
        handler.start(String(name), Dictionary(attributes.map { (String($0.name), $0.value) },
                                               uniquingKeysWith: { first, _ in first }))
    }

    mutating func text(_ text: String) { handler.characters(text) }
    mutating func end(_ name: Substring) { handler.end(String(name)) }
}

/// Reads one part's events, recording the first structural problem it meets. Subclasses override `start`,
/// `characters` and `end`.
private class PartHandler {
    var failure: String?

    func start(_ element: String, _ attributes: [String: String]) {}
    func characters(_ string: String) {}
    func end(_ element: String) {}

    /// The element name without its namespace prefix (`x:c` → `c`).
    func local(_ name: String) -> Substring {
        name.firstIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
    }
}

private final class WorkbookHandler: PartHandler {
    var sheets: [(name: String, relationship: String)] = []
    var uses1904Dates = false

    override func start(_ element: String, _ attributes: [String: String]) {
        switch local(element) {
        case "sheet":
            guard let name = attributes["name"],
                  let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value else {
                failure = "a sheet without a name or relationship"
                return
            }
            sheets.append((name, id))
        case "workbookPr":
            uses1904Dates = ["1", "true"].contains(attributes["date1904"] ?? "")
        default:
            break
        }
    }
}

private final class RelationshipsHandler: PartHandler {
    var targets: [String: String] = [:]

    override func start(_ element: String, _ attributes: [String: String]) {
        if local(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// Shared strings: each `si` is the text of its runs (`r/t`) or its `t`, leaving out phonetic guides (`rPh`).
private final class SharedStringsHandler: PartHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    override func start(_ element: String, _ attributes: [String: String]) {
        switch local(element) {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    override func characters(_ string: String) {
        if inText { current += string }
    }

    override func end(_ element: String) {
        switch local(element) {
        case "si": strings.append(current)
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// Cells of one worksheet, and its merged ranges.
private final class SheetHandler: PartHandler {
    let strings: [String]
    var cells: [Int: [Int: Workbook.Cell]] = [:]
    var merges: [CellRange] = []
    private var row = -1
    private var column = -1
    private var type = "n"
    private var value = ""
    private var inline = ""
    private var collecting: Substring?
    private var phoneticDepth = 0

    init(strings: [String]) { self.strings = strings }

    override func start(_ element: String, _ attributes: [String: String]) {
        switch local(element) {
        case "row":
            if let number = attributes["r"].flatMap(Int.init), number >= 1, number <= 1_048_576 {
                row = number - 1
            } else {
                row += 1
            }
            column = -1
        case "c":
            if let reference = attributes["r"] {
                guard let position = SpreadsheetReader.position(reference) else {
                    failure = "a cell with reference \"\(reference)\""
                    return
                }
                (row, column) = (max(row, position.row), position.column)
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            value = ""
            inline = ""
        case "v": collecting = "v"
        case "t": if phoneticDepth == 0 { collecting = "t" }
        case "rPh": phoneticDepth += 1
        case "mergeCell":
            if let reference = attributes["ref"], let range = SpreadsheetReader.range(reference) { merges.append(range) }
        default:
            break
        }
    }

    override func characters(_ string: String) {
        switch collecting {
        case "v"?: value += string
        case "t"?: inline += string
        default: break
        }
    }

    override func end(_ element: String) {
        switch local(element) {
        case "v", "t": collecting = nil
        case "rPh": phoneticDepth -= 1
        case "c":
            guard row >= 0, column >= 0 else { return }
            if let cell = cell() { cells[row, default: [:]][column] = cell }
        default:
            break
        }
    }

    /// The cell just read, by its type: shared string, inline string, formula string, boolean, error or number.
    private func cell() -> Workbook.Cell? {
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                if !value.isEmpty { failure = "a shared string index \(value) out of range" }
                return nil
            }
            return .text(strings[index])
        case "inlineStr": return .text(inline)
        case "str": return .text(value)
        case "b": return value.isEmpty ? nil : .bool(value == "1" || value == "true")
        case "e": return .error(value)
        default: return value.isEmpty ? nil : .number(value.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Dense rows; cells covered by a merge take the top-left cell's value.
    func filledRows() -> [[Workbook.Cell?]] {
        let height = (cells.keys.max() ?? -1) + 1
        var rows = [[Workbook.Cell?]](repeating: [], count: height)
        for (index, row) in cells {
            var dense = [Workbook.Cell?](repeating: nil, count: (row.keys.max() ?? -1) + 1)
            for (column, cell) in row { dense[column] = cell }
            rows[index] = dense
        }
        for merge in merges where merge.row < rows.count {
            let top = merge.column < rows[merge.row].count ? rows[merge.row][merge.column] : nil
            guard let top else { continue }
            for row in merge.row..<min(rows.count + merge.rowCount, merge.row + merge.rowCount) {
                guard row < rows.count else { break }
                for column in merge.column..<(merge.column + merge.columnCount) {
                    if rows[row].count <= column { rows[row] += [Workbook.Cell?](repeating: nil, count: column + 1 - rows[row].count) }
                    rows[row][column] = top
                }
            }
        }
        return rows
    }
}
