import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport

/// `jixiao report BUNDLE --format md|html -o FILE`: the self-evaluation report — or `--all --year Y -o DIR`: every
/// department's report of the year in the store, a file each (PDFs converted by LibreOffice in batches).
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the self-evaluation report, or every department's report of a year in the store (--all).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md
        case html
        case docx
        case pdf
        case xlsx
    }

    @Argument(help: "A department-year: a bundle (jixiao/bundle@1 JSON) or a filled-in workbook (.xlsx).",
              completion: .file(extensions: ["json", "xlsx"]))
    var bundle: String?

    @OptionGroup var batch: BatchOptions

    @Option(help: ArgumentHelp("Output format: md, html, docx, pdf or xlsx (the score table) — default: the output "
                               + "file's extension (docx with --all)."))
    var format: Format?

    @Option(name: [.short, .customLong("output")], help: "The file to write (with --all: the directory).")
    var output: String

    private var input: BundleInput { BundleInput(bundle: bundle ?? "") }

    @Option(help: "The date the report is signed with (YYYY-MM-DD; default: today in China).")
    var date: String?

    @Option(help: ArgumentHelp("A project's self-evaluation table (项目支出绩效自评表) instead of the report; "
                               + "'all' writes every project's table to one workbook, a sheet each (.xlsx).",
                               valueName: "code|all"))
    var project: String?

    func validate() throws {
        try batch.validate(bundle: bundle)
        if batch.all {
            if project != nil { throw ValidationError("--project is for one bundle, not --all.") }
            return
        }
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

    func run() async throws {
        if batch.all { return try await writeAll() }
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
        let format = format ?? inferredFormat!
        let data = format == .pdf ? try pdfs([document])[0] : try Self.render(document, as: format)
        try OutputFile.write(data, to: output, what: what)
    }

    /// The document in a format other than PDF.
    private static func render(_ document: ReportDocument, as format: Format) throws -> Data {
        switch format {
        case .md: Data(MarkdownRenderer.render(document).utf8)
        case .html: Data(HTMLRenderer.render(document).utf8)
        case .docx: try DocxRenderer.render(document)
        case .xlsx: try XlsxRenderer.render(document)
        case .pdf: preconditionFailure("PDFs are converted in batches")
        }
    }

    /// Documents as PDF, in batches; a missing LibreOffice is said once and ends the command.
    private func pdfs(_ documents: [ReportDocument]) throws -> [Data] {
        do {
            return try OfficialPDF().render(documents)
        } catch let error as LibreOfficeConverter.ConversionError {
            Terminal.error("\(output)：无法生成 PDF（\(error)）")
            throw ExitCode(ExitCodes.outputFailed)
        }
    }

    /// Every department's report of the year into the directory `-o`, named `CODE-YEAR-自评报告.FORMAT`
    /// (`自评表` for xlsx): built `--jobs` at a time; PDFs converted a batch of departments per LibreOffice run.
    private func writeAll() async throws {
        let format = format ?? .docx
        let date = date.flatMap(CivilDate.init(iso:)) ?? ChinaClock.today()
        let directory = URL(fileURLWithPath: output)
        let what = format == .xlsx ? "自评表" : "自评报告"
        let (written, failures, total) = try await batch.withYear { departments in
            let progress = ProgressReporter(total: departments.codes.count, what: "生成\(what)")
            var written = 0
            var failures: [BatchOptions.Failure] = []
            // A batch at a time: what LibreOffice converts in one run, and what is held in memory at once.
            for start in stride(from: 0, to: departments.codes.count, by: Self.batchSize) {
                let codes = Array(departments.codes[start..<min(departments.codes.count, start + Self.batchSize)])
                let results = await departments.map(codes, progress: progress) { year in
                    let evaluation = Evaluator.evaluate(year)
                    let document = ReportBuilder.build(year, evaluation: evaluation,
                                                       findings: FindingsEngine.findings(year, evaluation: evaluation),
                                                       date: date)
                    let name = "\(year.department.code)-\(year.year)-\(what).\(format.rawValue)"
                    return (name: name, document: document,
                            data: format == .pdf ? nil : try Self.render(document, as: format))
                }
                var made: [(name: String, data: Data)] = []
                var toConvert: [(name: String, document: ReportDocument)] = []
                for result in results {
                    switch result {
                    case .success(let file):
                        if let data = file.data { made.append((file.name, data)) } else { toConvert.append((file.name, file.document)) }
                    case .failure(let failure): failures.append(failure)
                    }
                }
                if !toConvert.isEmpty {
                    made += zip(toConvert.map(\.name), try pdfs(toConvert.map(\.document))).map { ($0, $1) }
                }
                for file in made {
                    try OutputFile.write(file.data, to: directory.appendingPathComponent(file.name).path, what: what,
                                         quiet: true)
                }
                written += made.count
            }
            progress.finish()
            return (written, failures, departments.codes.count)
        }
        Terminal.output("已写入 \(written) 个部门的\(what)：\(directory.standardizedFileURL.path)")
        try failures.report(what: "生成\(what)", of: total)
    }

    /// Departments per batch.
    static let batchSize = 40
}
