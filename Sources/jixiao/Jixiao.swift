import ArgumentParser
import Foundation
import JixiaoIO

/// The `jixiao` command: evaluate a department's year, check it, and write its self-evaluation report.
@main
struct Jixiao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "Jixiao (绩效): budget performance self-evaluation from a department's year of data.",
        discussion: """
        Exit codes: 0 success; 1 findings (check only); 2 invalid input (the bundle or a file cannot be used); \
        3 output could not be written; 64 wrong usage.
        """,
        subcommands: [Evaluate.self, Report.self, Check.self, TemplateCommand.self, WorkbookCommand.self, Import.self,
                      ImportPayments.self, Serve.self, UserCommand.self, AuditCommand.self,
                      BackupCommand.self, MonitorCommand.self, ReviewCommand.self, WhatIfCommand.self, DirectoryCommand.self, SimilarTextCommand.self]
    )

    /// Refuses to start on a broken calendar or thresholds file rather than count deadlines by another calendar or
    /// find problems by other thresholds.
    static func main() async {
        if let problem = TemplateCatalog.configurationError {
            Terminal.error("工作日日历或问题检查阈值配置有误 / the working-day calendar or the thresholds file is invalid:\n"
                + problem.description)
            Foundation.exit(ExitCodes.invalidInput)
        }
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
