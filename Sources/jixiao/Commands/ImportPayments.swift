import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO

/// `jixiao import-payments FILE.csv --into BUNDLE.json`: a budget system's payment export added to a bundle.
struct ImportPayments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-payments",
        abstract: "Add the payments of a CSV export (UTF-8 or GB18030) to a bundle.",
        discussion: """
        Columns are found by their usual headers (支付日期/日期, 金额/支付金额, 预算项目编码/项目编码, 收款人/收款单位, \
        凭证号/支付凭证号, 摘要); --map names others. Every row is checked; the bundle is rewritten only when all rows \
        are right.
        """)

    @Argument(help: "The CSV file.", completion: .file(extensions: ["csv", "txt"]))
    var csv: String

    @Option(help: "The bundle to add the payments to (rewritten in place).", completion: .file(extensions: ["json"]))
    var into: String

    @Option(name: .customLong("map"),
            help: "A header for a field, as FIELD=HEADER (fields: date, amount, line, payee, voucher, memo). Repeatable.")
    var mappings: [String] = []

    @Option(help: "The unit of the CSV's amounts: yuan or wan.")
    var unit = "yuan"

    @Flag(help: "Replace the bundle's payments instead of adding to them.")
    var replace = false

    func validate() throws {
        _ = try mapping()
        guard Money.Unit(rawValue: unit) != nil else { throw ValidationError("--unit must be yuan or wan.") }
    }

    private func mapping() throws -> [PaymentCSVReader.Field: String] {
        var result: [PaymentCSVReader.Field: String] = [:]
        for entry in mappings {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = PaymentCSVReader.Field(rawValue: parts[0]), !parts[1].isEmpty else {
                throw ValidationError("--map \(entry): expected FIELD=HEADER with FIELD one of "
                    + PaymentCSVReader.Field.allCases.map(\.rawValue).joined(separator: ", "))
            }
            result[field] = parts[1]
        }
        return result
    }

    func run() throws {
        var year = try BundleInput(bundle: into).load()
        if replace { year.payments = [] }
        let target = URL(fileURLWithPath: into)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let writer = try BundleStreamWriter(year, to: temporary)
        let reader = PaymentCSVReader(mapping: try mapping(), unit: Money.Unit(rawValue: unit)!)
        let summary: PaymentCSVReader.Summary
        do {
            summary = try reader.read(URL(fileURLWithPath: csv), lines: Set(year.budgetLines.map(\.code)),
                                      year: year.year, progress: { Terminal.error("已读取 \($0) 行…") },
                                      accept: writer.append)
        } catch let error as InputError {
            Terminal.error(error.chineseDescription)
            throw ExitCode(ExitCodes.invalidInput)
        }
        try writer.finish()
        guard summary.issueCount == 0 else {
            var text = "\(csv)：发现 \(summary.issueCount) 处问题，未导入任何支付\n"
                + summary.issues.map { "\($0.path.isEmpty ? "" : $0.path + "：")\($0.chinese)" }.joined(separator: "\n")
            if summary.issueCount > summary.issues.count {
                text += "\n……另有 \(summary.issueCount - summary.issues.count) 处问题未列出"
            }
            Terminal.error(text)
            throw ExitCode(ExitCodes.invalidInput)
        }
        guard rename(temporary.path, target.path) == 0 else {
            Terminal.error("\(into): cannot be written")
            throw ExitCode(ExitCodes.outputFailed)
        }
        Terminal.output("已导入 \(summary.accepted) 笔支付（\(summary.encoding)）→ \(into)")
    }
}
