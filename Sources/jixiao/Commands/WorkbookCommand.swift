import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// `jixiao workbook new`: the Excel fill-in workbook, empty for a year or pre-filled from a bundle.
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook", abstract: "Make the Excel fill-in workbook (填报工作簿).", subcommands: [New.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a fill-in workbook for a year, or pre-filled with a bundle's data.")

        @Option(help: "The fiscal year (required without --from).")
        var year: Int?

        @Option(help: "The evaluation template for a new year (see `jixiao template list`).")
        var template = "national-project-2020"

        @Option(help: "A bundle whose data fills the workbook.", completion: .file(extensions: ["json"]))
        var from: String?

        @Option(name: [.short, .customLong("output")], help: "The .xlsx file to write.")
        var output: String

        func validate() throws {
            if from == nil, year == nil { throw ValidationError("Give --year for a new workbook, or --from BUNDLE.") }
            if let year, !(2000...2100).contains(year) { throw ValidationError("--year must be from 2000 to 2100.") }
        }

        func run() throws {
            let department: DepartmentYear
            if let from {
                department = try BundleInput(bundle: from).load()
            } else {
                guard let chosen = TemplateCatalog.builtIn.template(id: template) else {
                    Terminal.error(TemplateCatalog.builtIn.unknown(template))
                    throw ExitCode(ExitCodes.invalidInput)
                }
                department = DepartmentYear(year: year!, template: chosen, department: Department(code: "", name: ""))
            }
            try OutputFile.write(try WorkbookExport.workbook(department), to: output, what: "填报工作簿")
        }
    }
}

/// `jixiao import FILE`: a bundle or a filled-in workbook into the store (all or nothing), or with `-o` a workbook
/// converted to a bundle file.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a bundle (.json) or a filled-in workbook (.xlsx) into the store, or convert a workbook to "
            + "a bundle with -o.",
        discussion: "Every problem is listed (for workbooks by sheet, cell and column, in Chinese); nothing is "
            + "written unless the whole file is right. A year already in the store is replaced only with --replace.")

    @Argument(help: ArgumentHelp("The bundle (.json) or workbook (.xlsx) — or a directory or ZIP archive of them: "
                                 + "every one imported, each department in its own transaction. A department's "
                                 + "数据包及佐证材料.zip (bundle.json with its evidence) is imported whole."),
              completion: .file(extensions: ["json", "xlsx", "zip"]))
    var file: String

    @Option(help: "With a directory: how many files are imported at once (default: the number of processors).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: [.short, .customLong("output")], help: "Write the workbook as a bundle file instead of storing it.")
    var output: String?

    @Flag(help: "Replace the department's year when the store already has it.")
    var replace = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            guard output == nil else { throw ValidationError("-o converts one workbook, not a directory.") }
            return try await DirectoryImport(origin: file, sources: try DirectoryImport.directory(URL(fileURLWithPath: file)),
                                             replace: replace, jobs: max(1, jobs), store: store).run()
        }
        let year: DepartmentYear
        var evidence: [BundleArchive.File]?
        do {
            if file.lowercased().hasSuffix(".zip") {
                guard output == nil else { throw ValidationError("-o converts one workbook, not an archive.") }
                guard let archive = try ArchiveImport.departmentArchive(at: URL(fileURLWithPath: file)) else {
                    return try await ArchiveImport.run(URL(fileURLWithPath: file), replace: replace, jobs: max(1, jobs),
                                                       store: store)
                }
                try EvidenceRepository.verify(archive.1, source: file)
                (year, evidence) = archive
            } else {
                year = file.lowercased().hasSuffix(".xlsx")
                    ? try WorkbookImport().read(URL(fileURLWithPath: file))
                    : try BundleReader().read(URL(fileURLWithPath: file))
            }
        } catch let error as InputError {
            Terminal.error(error.chineseDescription)
            throw ExitCode(ExitCodes.invalidInput)
        }
        let summary = "\(year.department.name) \(year.year) 年，预算项目 \(year.budgetLines.count) 个，"
            + "支付 \(year.payments.count) 笔，指标 \(year.indicators.count) 项"
            + (year.workPlan.isEmpty ? "" : "，工作计划任务 \(year.workPlan.count) 项")
        if let output {
            Terminal.output("已读取：\(summary)")
            try OutputFile.write(Data((BundleWriter.encode(year).serialized() + "\n").utf8), to: output, what: "数据包")
            return
        }
        let replace = replace
        let files = evidence
        do {
            try await store.withStore { database in
                try await YearRepository(database: database).store(year, replacing: replace, evidence: files, actor: "cli")
            }
        } catch let exists as YearRepository.YearExists {
            Terminal.error("\(exists.code) 的 \(exists.year) 年数据已在库中；确认要覆盖时加 --replace。")
            throw ExitCode(ExitCodes.invalidInput)
        }
        Terminal.output("已导入数据库（\(store.location.description)）：\(summary)"
            + (evidence.map { "，佐证材料 \($0.count) 份" } ?? ""))
    }
}
