import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoStore

/// `jixiao review open|draw`: the bureau opens a year's review campaign and draws departments to re-check.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "The finance bureau's review campaigns and re-checks.",
        subcommands: [Open.self, Draw.self])

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

        @Option(help: "Flag a re-checked department whose score moves by more than this many points (default 5; a change of grade is always flagged).")
        var recheckThreshold: String?

        @Option(help: "Days from the bureau's approval of a self-evaluation to its publication (default 20).")
        var publishDays: Int?

        func validate() throws {
            for (name, value) in [("--targets-due", targetsDue), ("--evaluation-due", evaluationDue)]
            where CivilDate(iso: value) == nil {
                throw ValidationError("\(name) must be a date as YYYY-MM-DD, not \(value).")
            }
            if let recheckThreshold, Rational(decimal: recheckThreshold)
                .map({ !ReviewCampaigns.thresholdRange.contains($0) }) ?? true {
                throw ValidationError("--recheck-threshold must be a number of points from 0 to 100, not \(recheckThreshold).")
            }
            if let publishDays, !ReviewCampaigns.publishDaysRange.contains(publishDays) {
                throw ValidationError("--publish-days must be from 1 to 365, not \(publishDays).")
            }
        }

        func run() async throws {
            let (year, targets, evaluation) = (year, CivilDate(iso: targetsDue)!, CivilDate(iso: evaluationDue)!)
            let (threshold, days) = (recheckThreshold.flatMap(Rational.init(decimal:)), publishDays)
            let departments = try await store.withStore { database in
                try await ReviewCampaigns(database: database).open(year: year, targetsDue: targets,
                                                                   evaluationDue: evaluation,
                                                                   recheckThreshold: threshold, publishDays: days,
                                                                   actor: "cli")
                return try await YearRepository(database: database).listed(year: year).count
            }
            Terminal.output("已开启 \(year) 年度审核：绩效目标截止 \(targets.chinese)，绩效自评截止 \(evaluation.chinese)，"
                + "涉及 \(departments) 个部门。")
        }
    }

    struct Draw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw departments whose self-evaluation is with the bureau for a re-check (自评复核).",
            discussion: "At random with a seed (printed and recorded: the same seed over the same departments draws "
                + "the same ones), or by risk: unsupportedPoints (points no record supports), lowestExecution, "
                + "mostFindings. Departments drawn before are not drawn again.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The fiscal year.")
        var year: Int

        @Option(help: "How many departments to draw.")
        var count: Int

        @Option(help: "The random draw's seed (default: a fresh one).")
        var seed: UInt64?

        @Option(help: "Draw by risk instead: unsupportedPoints, lowestExecution or mostFindings.")
        var risk: String?

        func validate() throws {
            if let risk, SpotCheck.RiskMeasure(rawValue: risk) == nil {
                throw ValidationError("--risk must be one of "
                    + SpotCheck.RiskMeasure.allCases.map(\.rawValue).joined(separator: ", ") + ", not \(risk).")
            }
            if seed != nil, risk != nil { throw ValidationError("--seed is for a random draw; leave it out with --risk.") }
            if !(1...1000).contains(count) { throw ValidationError("--count must be from 1 to 1000, not \(count).") }
        }

        func run() async throws {
            let method: SpotCheck.Method = risk.flatMap(SpotCheck.RiskMeasure.init(rawValue:)).map { .risk($0) }
                ?? .random(seed: seed ?? UInt64.random(in: 1...999_999_999))
            let (year, count) = (year, count)
            let members = try await store.withStore { database in
                try await Rechecks(database: database).draw(year: year, count: count, method: method, actor: "cli")
            }
            Terminal.output("\(year) 年\(method.chinese)，抽中 \(members.count) 个部门：")
            for member in members {
                Terminal.output("  \(member.position)\t\(member.code)\t\(member.name)" + (member.risk.isEmpty ? "" : "\t\(member.risk)"))
            }
        }
    }
}
