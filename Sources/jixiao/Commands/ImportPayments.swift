import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// `jixiao import-payments FILE.csv --into BUNDLE.json`: a budget system's payment export added to a bundle.
struct ImportPayments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-payments",
        abstract: "Add the payments of a CSV export (UTF-8 or GB18030) to a bundle.",
        discussion: """
        Columns are found by their usual headers (支付日期/日期, 金额/支付金额, 预算项目编码/项目编码, 收款人/收款单位, \
        凭证号/支付凭证号, 摘要); --map names others. Every row is checked; the bundle (--into) or the stored year \
        (--year CODE/YEAR) changes only when all rows are right.
        """)

    @Argument(help: "The CSV file.", completion: .file(extensions: ["csv", "txt"]))
    var csv: String

    @Option(help: "The bundle to add the payments to (rewritten in place).", completion: .file(extensions: ["json"]))
    var into: String?

    @Option(help: "The stored department-year to add the payments to, as CODE/YEAR.")
    var year: String?

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("map"),
            help: "A header for a field, as FIELD=HEADER (fields: date, amount, line, payee, voucher, memo). Repeatable.")
    var mappings: [String] = []

    @Option(help: "The unit of the CSV's amounts: yuan or wan.")
    var unit = "yuan"

    @Flag(help: "Replace the bundle's payments instead of adding to them.")
    var replace = false

    func validate() throws {
        guard (into == nil) != (year == nil) else {
            throw ValidationError("Give either --into BUNDLE.json or --year CODE/YEAR (the store).")
        }
        if let year, target(year) == nil { throw ValidationError("--year must be CODE/YEAR, e.g. 440112-KX/2022.") }
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

    private func target(_ text: String) -> (code: String, year: Int)? {
        guard let slash = text.lastIndex(of: "/"), let year = Int(text[text.index(after: slash)...]) else { return nil }
        return (String(text[..<slash]), year)
    }

    func run() async throws {
        let reader = PaymentCSVReader(mapping: try mapping(), unit: Money.Unit(rawValue: unit)!)
        if let into { try intoBundle(into, reader: reader) } else { try await intoStore(target(year!)!, reader: reader) }
    }

    /// Prints the problems of a read that found any, and stops with exit code 2.
    private func refuse(_ summary: PaymentCSVReader.Summary) throws {
        guard summary.issueCount > 0 else { return }
        var text = "\(csv)：发现 \(summary.issueCount) 处问题，未导入任何支付\n"
            + summary.issues.map(\.chineseLine).joined(separator: "\n")
        if summary.issueCount > summary.issues.count {
            text += "\n……另有 \(summary.issueCount - summary.issues.count) 处问题未列出"
        }
        Terminal.error(text)
        throw ExitCode(ExitCodes.invalidInput)
    }

    private func intoStore(_ target: (code: String, year: Int), reader: PaymentCSVReader) async throws {
        let (csv, replace) = (URL(fileURLWithPath: csv), replace)
        let summary = try await store.withStore { database -> PaymentCSVReader.Summary? in
            let years = YearRepository(database: database)
            guard let fiscal = try await years.fiscalYear(code: target.code, year: target.year) else { return nil }
            return try await PaymentImport(database: database, reader: reader).importCSV(
                csv, into: fiscal, replacing: replace, subject: "\(target.code)/\(target.year)", actor: "cli")
        }
        guard let summary else {
            Terminal.error("库中没有 \(target.code) \(target.year) 年的数据；请先导入该年度。")
            throw ExitCode(ExitCodes.invalidInput)
        }
        try refuse(summary)
        Terminal.output("已导入 \(summary.accepted) 笔支付（\(summary.encoding)）→ 数据库 \(target.code)/\(target.year)")
    }

    private func intoBundle(_ into: String, reader: PaymentCSVReader) throws {
        var year = try BundleInput(bundle: into).load()
        if replace { year.payments = [] }
        let target = URL(fileURLWithPath: into)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let writer = try BundleStreamWriter(year, to: temporary)
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
        try refuse(summary)
        guard rename(temporary.path, target.path) == 0 else {
            Terminal.error("\(into)：无法写入")
            throw ExitCode(ExitCodes.outputFailed)
        }
        Terminal.output("已导入 \(summary.accepted) 笔支付（\(summary.encoding)）→ \(into)")
    }
}
