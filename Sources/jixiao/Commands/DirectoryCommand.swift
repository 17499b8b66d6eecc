import ArgumentParser
import Foundation
import JixiaoIO
import JixiaoStore

/// `jixiao directory FILE.csv`: the bureau's 单位名录 — each unit's name, 行政区划, 归口处室 and 单位类型 — applied to the
/// store in one transaction, so departments can be compared like with like.
struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Apply the bureau's list of budget units (code, name, region, division, kind) to the store.",
        discussion: "Columns by header: 单位编码, 单位名称 (required), 行政区划, 归口处室, 单位类型. UTF-8 or GB18030.")

    @Argument(help: "The list as CSV.", completion: .file(extensions: ["csv"]))
    var file: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let entries: [DirectoryCSV.Entry]
        do {
            entries = try DirectoryCSV.read(try Data(contentsOf: URL(fileURLWithPath: file)), file: file)
        } catch let error as InputError {
            Terminal.error(error.chinese(outcome: "未导入任何单位"))
            throw ExitCode(ExitCodes.invalidInput)
        } catch {
            Terminal.error("\(file)：无法读取（\((error as NSError).localizedDescription)）")
            throw ExitCode(ExitCodes.invalidInput)
        }
        let outcome = try await store.withStore { database in
            try await Directory(database: database).apply(entries, actor: "cli")
        }
        Terminal.output("单位名录已导入：更新 \(outcome.updated) 个单位，新增 \(outcome.added) 个。")
    }
}
