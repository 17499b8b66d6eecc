import Foundation
import JixiaoCore

/// Activity records as clerks keep them: rows pasted from a spreadsheet (tab-separated) or a CSV file, with the
/// columns 日期, 活动名称, 类型, 受众人次 (the last two may be empty); a first row of column titles is skipped, dates
/// and numbers are read as clerks write them (2022/3/5, 1,200). Gives bundle `activities` entries for the bundle
/// reader, or every fault by row.
public enum ActivityRows {
    /// The columns, in order.
    public static let columns = ["日期", "活动名称", "类型", "受众人次"]

    /// The entries of a CSV file in UTF-8 or GB18030 (as budget systems and spreadsheets save them).
    public static func parse(file data: Data, source: String) throws -> [JSONValue] {
        let bytes = [UInt8](data)
        let text: String
        do {
            let transcoder = try TextTranscoder(sample: Array(bytes.prefix(65_536)))
            let utf8 = try transcoder.transcode(bytes)
            try transcoder.finish()
            text = String(decoding: utf8, as: UTF8.self)
        } catch {
            throw InputError(file: source, issues: [ValidationIssue(path: "", message: "is neither UTF-8 nor GB18030 text",
                                                                    chinese: "不是 UTF-8 或 GB18030 编码的文本")])
        }
        return try parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, source: source)
    }

    /// The entries of `text` (tab-separated when it holds a tab, else CSV), named `source` in faults.
    public static func parse(_ text: String, source: String) throws -> [JSONValue] {
        var parser = CSVParser(delimiter: text.contains("\t") ? UInt8(ascii: "\t") : UInt8(ascii: ","))
        var rows: [(cells: [String], row: Int)] = []
        do {
            try parser.feed(Array(text.utf8)) { cells, row in rows.append((cells, row)) }
            try parser.finish { cells, row in rows.append((cells, row)) }
        } catch {
            throw InputError(file: source, issues: [ValidationIssue(path: "", message: "is not readable as rows",
                                                                    chinese: "无法按行读取（引号未闭合或不是文本）")])
        }
        var entries: [JSONValue] = []
        var issues: [ValidationIssue] = []
        for (cells, row) in rows {
            let cells = cells.map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy(\.isEmpty) { continue }
            if entries.isEmpty, issues.isEmpty, cells.first == columns[0] { continue }
            let at = "第 \(row) 行"
            func cell(_ index: Int) -> String { cells.indices.contains(index) ? cells[index] : "" }
            guard let date = ClerkFormats.date(cell(0)) else {
                issues.append(ValidationIssue(path: at, message: "date \"\(cell(0))\" is not a date",
                                              chinese: "日期“\(cell(0))”不是有效日期"))
                continue
            }
            guard !cell(1).isEmpty else {
                issues.append(ValidationIssue(path: at, message: "the title is empty", chinese: "缺少活动名称"))
                continue
            }
            var members: [JSONValue.Member] = [.init("date", .string(date.description)), .init("title", .string(cell(1))),
                                               .init("kind", .string(cell(2)))]
            if !cell(3).isEmpty {
                guard let audience = ClerkFormats.number(cell(3)), !audience.lowercased().contains("e") else {
                    issues.append(ValidationIssue(path: at, message: "audience \"\(cell(3))\" is not a number",
                                                  chinese: "受众人次“\(cell(3))”不是数字"))
                    continue
                }
                members.append(.init("audience", .number(audience)))
            }
            entries.append(.object(members))
        }
        guard issues.isEmpty else { throw InputError(file: source, issues: issues) }
        return entries
    }
}
