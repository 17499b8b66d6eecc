import Foundation
import JixiaoCore

/// 单位名录: the bureau's list of its budget units with what it compares them by — 行政区划, 归口处室 and 单位类型 — read
/// from a CSV file (UTF-8 with or without BOM, or GB18030) whose columns are found by their Chinese names. Every
/// problem is reported with its row and column; the caller stores nothing unless there is none.
public enum DirectoryCSV {
    /// One unit of the list.
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        public var attributes: OrganisationAttributes

        public init(code: String, name: String, attributes: OrganisationAttributes) {
            self.code = code
            self.name = name
            self.attributes = attributes
        }
    }

    /// The columns, each with the header texts recognised for it; code and name are required.
    enum Column: CaseIterable {
        case code, name, region, group, category

        var headers: [String] {
            switch self {
            case .code: ["单位编码", "部门编码", "编码"]
            case .name: ["单位名称", "部门名称", "名称"]
            case .region: ["行政区划", "区划"]
            case .group: ["归口处室", "归口科室", "主管处室"]
            case .category: ["单位类型", "部门类型", "类型"]
            }
        }
    }

    /// The list as the bureau edits it: one row a unit under the first header of each column, for Excel (UTF-8
    /// with a byte-order mark); what ``read(_:file:)`` reads back.
    public static func write(_ entries: [Entry]) -> String {
        var writer = CSVWriter()
        writer.append(Column.allCases.map { $0.headers[0] })
        for entry in entries {
            writer.append([entry.code, entry.name, entry.attributes.region, entry.attributes.group,
                           entry.attributes.category])
        }
        return writer.text
    }

    /// Reads the list; fails with every problem (row and column) when any row is wrong.
    public static func read(_ data: Data, file: String) throws -> [Entry] {
        var issues: [ValidationIssue] = []
        func problem(_ location: String, _ message: String) {
            issues.append(ValidationIssue(path: location, message: message, chinese: message))
        }
        var records: [([String], Int)] = []
        do {
            let bytes = [UInt8](data)
            let transcoder = try TextTranscoder(sample: Array(bytes.prefix(1 << 16)))
            var parser = CSVParser()
            try parser.feed(try transcoder.transcode(bytes)) { records.append(($0, $1)) }
            try transcoder.finish()
            try parser.finish { records.append(($0, $1)) }
        } catch {
            throw InputError(file: file, issues: [ValidationIssue(path: "", message: "文件编码或引号有误，请另存为 UTF-8 或 GB18030 的 CSV",
                                                                 chinese: "文件编码或引号有误，请另存为 UTF-8 或 GB18030 的 CSV")])
        }
        guard let (header, headerRow) = records.first else { throw InputError(file: file, issues: [ValidationIssue(path: "", message: "文件是空的", chinese: "文件是空的")]) }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).filter { $0 != "\u{FEFF}" } }
        var positions: [Column: Int] = [:]
        for column in Column.allCases {
            positions[column] = names.firstIndex { column.headers.contains($0) }
        }
        for column in [Column.code, .name] where positions[column] == nil {
            problem("第 \(headerRow) 行（表头）", "缺少“\(column.headers[0])”列")
        }
        guard issues.isEmpty else { throw InputError(file: file, issues: issues) }
        var seen: [String: Int] = [:]
        var entries: [Entry] = []
        for (fields, row) in records.dropFirst() where !fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            func value(_ column: Column) -> String {
                guard let position = positions[column], position < fields.count else { return "" }
                return fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let (code, name) = (value(.code), value(.name))
            if code.isEmpty { problem("第 \(row) 行（单位编码）", "未填写") }
            if name.isEmpty { problem("第 \(row) 行（单位名称）", "未填写") }
            if !code.isEmpty, let first = seen[code] { problem("第 \(row) 行（单位编码）", "“\(code)”与第 \(first) 行重复") }
            for column in Column.allCases where value(column).count > 100 {
                problem("第 \(row) 行（\(column.headers[0])）", "超过 100 字")
            }
            guard !code.isEmpty, !name.isEmpty, seen[code] == nil else { continue }
            seen[code] = row
            entries.append(Entry(code: code, name: name, attributes: OrganisationAttributes(
                region: value(.region), group: value(.group), category: value(.category))))
        }
        if entries.isEmpty, issues.isEmpty { problem("", "没有任何单位") }
        guard issues.isEmpty else { throw InputError(file: file, issues: issues) }
        return entries
    }
}
