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

    func validate() throws {
        if format == nil, inferredFormat == nil {
            throw ValidationError("Give --format md|html|docx|pdf|xlsx, or an output file ending in one of those.")
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
        let document = ReportBuilder.build(year, evaluation: evaluation, findings: findings,
                                           date: date.flatMap(CivilDate.init(iso:)) ?? ChinaClock.today())
        let data: Data
        switch format ?? inferredFormat! {
        case .md: data = Data(MarkdownRenderer.render(document).utf8)
        case .html: data = Data(HTMLRenderer.render(document).utf8)
        case .docx: data = try DocxRenderer.render(document)
        case .xlsx: data = try XlsxRenderer.render(document)
        case .pdf:
            do {
                data = try LibreOfficeConverter().convert(try DocxRenderer.render(document), fileExtension: "docx")
            } catch let error as LibreOfficeConverter.ConversionError {
                Terminal.error("\(output)：无法生成 PDF（\(error)）")
                throw ExitCode(ExitCodes.outputFailed)
            }
        }
        try OutputFile.write(data, to: output, what: format == .xlsx || (format == nil && inferredFormat == .xlsx)
                             ? "自评表" : "自评报告")
    }
}
