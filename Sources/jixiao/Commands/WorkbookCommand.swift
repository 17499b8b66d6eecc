import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO

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
                    Terminal.error("\(template): not a built-in template (expected one of "
                        + TemplateCatalog.builtIn.ids.joined(separator: ", ") + ")")
                    throw ExitCode(ExitCodes.invalidInput)
                }
                department = DepartmentYear(year: year!, template: chosen, department: Department(code: "", name: ""))
            }
            try OutputFile.write(try WorkbookExport.workbook(department), to: output)
        }
    }
}

/// `jixiao import WORKBOOK.xlsx -o BUNDLE.json`: a filled-in workbook to a bundle, all or nothing.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a filled-in workbook into a bundle.",
        discussion: "Every problem is listed by sheet, cell and column (in Chinese); nothing is written unless the "
            + "whole workbook is right.")

    @Argument(help: "The workbook (.xlsx) as exported by `jixiao workbook new` and filled in.",
              completion: .file(extensions: ["xlsx"]))
    var workbook: String

    @Option(name: [.short, .customLong("output")], help: "The bundle (.json) to write.")
    var output: String

    func run() throws {
        let year: DepartmentYear
        do {
            year = try WorkbookImport().read(URL(fileURLWithPath: workbook))
        } catch let error as InputError {
            Terminal.error(error.chineseDescription)
            throw ExitCode(ExitCodes.invalidInput)
        }
        try OutputFile.write(Data((BundleWriter.encode(year).serialized() + "\n").utf8), to: output)
        Terminal.output("已导入：\(year.department.name) \(year.year) 年，预算项目 \(year.budgetLines.count) 个，"
            + "支付 \(year.payments.count) 笔，指标 \(year.indicators.count) 项 → \(output)")
    }
}
