/// One thing wrong in an input file: where (the JSON path), and what was found and expected.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The JSON path, e.g. `payments[1].date`; empty for the document itself.
    public var path: String
    /// What is wrong, e.g. `"2022-13-05" is not a date (YYYY-MM-DD)`.
    public var message: String
    /// The same in Chinese for clerks, e.g. `“2022-13-05”不是有效日期（YYYY-MM-DD）`.
    public var chinese: String

    public init(path: String, message: String, chinese: String? = nil) {
        self.path = path
        self.message = message
        self.chinese = chinese ?? message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The issue in Chinese after its path or cell.
    public var chineseLine: String { path.isEmpty ? chinese : "\(path)：\(chinese)" }
}

/// A file that cannot be used, with every problem found in it.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    public var issues: [ValidationIssue]

    public init(file: String, issues: [ValidationIssue]) {
        self.file = file
        self.issues = issues
    }

    /// The issues in Chinese, one a line: `支付明细!C7（支付日期）：“2022/13/05”不是有效日期（YYYY-MM-DD）`, under a
    /// line saying that nothing was imported.
    public var chineseDescription: String { chinese(outcome: "未导入任何数据") }

    /// The issues in Chinese, one a line with its path or cell, under `文件：发现 N 处问题` and what came of it
    /// (e.g. `未生成报告`).
    public func chinese(outcome: String) -> String {
        "\(file)：发现 \(issues.count) 处问题，\(outcome)\n" + chineseLines.joined(separator: "\n")
    }

    /// Each issue in Chinese after its path or cell: `payments[1].date：“2022-13-05”不是有效日期（YYYY-MM-DD）`.
    public var chineseLines: [String] { issues.map(\.chineseLine) }

    /// One line per issue, each prefixed with the file.
    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return "\(file): \(count)\n" + issues.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}
