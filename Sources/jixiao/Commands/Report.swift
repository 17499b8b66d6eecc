import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport

/// `jixiao report BUNDLE --format md|html -o FILE`: the self-evaluation report.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the self-evaluation report.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md
        case html
        case docx
        case pdf
        case xlsx
    }

    @OptionGroup var input: BundleInput

    @Option(help: "Output format: md, html, docx, pdf or xlsx (the score table) — default: the output file's extension.")
    var format: Format?

    @Option(name: [.short, .customLong("output")], help: "The file to write.")
    var output: String

    @Option(help: "The date the report is signed with (YYYY-MM-DD; default: today in China).")
    var date: String?

    @Option(help: ArgumentHelp("A project's self-evaluation table (项目支出绩效自评表) instead of the report; "
                               + "'all' writes every project's table to one workbook, a sheet each (.xlsx).",
                               valueName: "code|all"))
    var project: String?

    func validate() throws {
        if format == nil, inferredFormat == nil {
            throw ValidationError("Give --format md|html|docx|pdf|xlsx, or an output file ending in one of those.")
        }
        if project == "all", (format ?? inferredFormat) != .xlsx {
            throw ValidationError("--project all writes one workbook: give an .xlsx output.")
        }
        if let date, CivilDate(iso: date) == nil { throw ValidationError("--date must be a date as YYYY-MM-DD, not \(date).") }
    }


    private var inferredFormat: Format? {
        switch URL(fileURLWithPath: output).pathExtension.lowercased() {
        case "md", "markdown": .md
        case "html", "htm": .html
        case "docx": .docx
        case "pdf": .pdf
        case "xlsx": .xlsx
        default: nil
        }
    }

    func run() throws {
        let (year, evaluation, findings) = try input.evaluate()
        if let project { return try writeProjects(year, code: project) }
        let document = ReportBuilder.build(year, evaluation: evaluation, findings: findings,
                                           date: date.flatMap(CivilDate.init(iso:)) ?? ChinaClock.today())
        try write(document, what: (format ?? inferredFormat) == .xlsx ? "自评表" : "自评报告")
    }

    /// One project's table, or (`all`) every project's in one workbook.
    private func writeProjects(_ year: DepartmentYear, code: String) throws {
        guard !year.projects.isEmpty else {
            Terminal.error("\(input.bundle)：没有项目（projects），请先在数据中列出项目")
            throw ExitCode(ExitCodes.invalidInput)
        }
        if code == "all" {
            return try OutputFile.write(try ProjectTable.workbook(year).data, to: output,
                                        what: "\(year.projects.count) 个项目的自评表")
        }
        guard let project = year.projects.first(where: { $0.code == code }) else {
            Terminal.error("“\(code)”不是项目编码（可选：\(year.projects.map(\.code).joined(separator: "、"))、all）")
            throw ExitCode(ExitCodes.invalidInput)
        }
        try write(ProjectTable.document(year, project: project), what: "项目支出绩效自评表")
    }

    private func write(_ document: ReportDocument, what: String) throws {
        let data: Data
        switch format ?? inferredFormat! {
        case .md: data = Data(MarkdownRenderer.render(document).utf8)
        case .html: data = Data(HTMLRenderer.render(document).utf8)
        case .docx: data = try DocxRenderer.render(document)
        case .xlsx: data = try XlsxRenderer.render(document)
        case .pdf:
            do {
                data = try OfficialPDF().render(document)
            } catch let error as LibreOfficeConverter.ConversionError {
                Terminal.error("\(output)：无法生成 PDF（\(error)）")
                throw ExitCode(ExitCodes.outputFailed)
            }
        }
        try OutputFile.write(data, to: output, what: what)
    }
}
