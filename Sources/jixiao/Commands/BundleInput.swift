import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO

/// The bundle argument shared by the commands that read one, and the loading that reports every fault.
struct BundleInput: ParsableArguments {
    @Argument(help: "A department-year: a bundle (jixiao/bundle@1 JSON) or a filled-in workbook (.xlsx).",
              completion: .file(extensions: ["json", "xlsx"]))
    var bundle: String

    init() {}

    /// A bundle named by another option.
    init(bundle: String) { self.bundle = bundle }

    /// The bundle or workbook as a department-year; on any fault prints them all to stderr, in Chinese with their
    /// JSON path or cell, and exits with 2.
    func load() throws -> DepartmentYear {
        let url = URL(fileURLWithPath: bundle)
        do {
            return url.pathExtension.lowercased() == "xlsx" ? try WorkbookImport().read(url) : try BundleReader().read(url)
        } catch let error as InputError {
            Terminal.error(error.chinese(outcome: "未作处理"))
            throw ExitCode(ExitCodes.invalidInput)
        }
    }

    /// Loads, evaluates and finds problems in one go.
    func evaluate() throws -> (DepartmentYear, Evaluation, [Finding]) {
        let year = try load()
        let evaluation = Evaluator.evaluate(year)
        return (year, evaluation, FindingsEngine.findings(year, evaluation: evaluation))
    }
}

/// The documented exit codes.
enum ExitCodes {
    static let findings: Int32 = 1
    static let invalidInput: Int32 = 2
    static let outputFailed: Int32 = 3
}

/// Writing to the terminal's streams.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Text on stderr without a line end (a progress bar redrawn in place).
    static func errorPart(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
