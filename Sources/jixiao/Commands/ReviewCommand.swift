import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoStore

/// `jixiao review open`: the bureau opens a year's review campaign.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "The finance bureau's review campaigns.", subcommands: [Open.self])

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open (or move) a year's review campaign for every department of that year.",
            discussion: "Sets when the targets (绩效目标) and the self-evaluation (绩效自评) are due; the to-do lists "
                + "and the reviewer's queue count rounds not handed in by then as overdue.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The fiscal year.")
        var year: Int

        @Option(help: "When every department's targets are due (YYYY-MM-DD).")
        var targetsDue: String

        @Option(help: "When every department's self-evaluation is due (YYYY-MM-DD).")
        var evaluationDue: String

        func validate() throws {
            for (name, value) in [("--targets-due", targetsDue), ("--evaluation-due", evaluationDue)]
            where CivilDate(iso: value) == nil {
                throw ValidationError("\(name) must be a date as YYYY-MM-DD, not \(value).")
            }
        }

        func run() async throws {
            let (year, targets, evaluation) = (year, CivilDate(iso: targetsDue)!, CivilDate(iso: evaluationDue)!)
            let departments = try await store.withStore { database in
                try await ReviewCampaigns(database: database).open(year: year, targetsDue: targets,
                                                                   evaluationDue: evaluation, actor: "cli")
                return try await YearRepository(database: database).allYears().filter { $0.1.year == year }.count
            }
            Terminal.output("已开启 \(year) 年度审核：绩效目标截止 \(targets.chinese)，绩效自评截止 \(evaluation.chinese)，"
                + "涉及 \(departments) 个部门。")
        }
    }
}
