import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// `jixiao what-if --year Y --rules RULES [--csv|--json]`: every department of a year in the store re-scored under
/// other rules without changing stored data; who changes score and grade, and by how much.
struct WhatIfCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract: "Re-score every department of a year under other rules (a template or overrides), changing nothing.")

    @Option(help: "The year whose departments are re-scored.")
    var year: Int

    @Option(help: ArgumentHelp(
        "The rules tried: a built-in template id, a JSON file, or JSON text.",
        discussion: """
            Written as a bundle's "template": "hubei-project-2020", or {"base": "department-overall-gd", "rounding": \
            {"mode": "truncate", "places": 2}} score everyone by that template; the overrides alone, e.g. \
            {"rounding": {"mode": "truncate", "places": 2}}, are laid over each department's own template.
            """))
    var rules: String

    @Flag(help: "List only the departments whose score or grade changes.")
    var changedOnly = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "Print one CSV row per department (UTF-8 with a byte-order mark, for Excel).")
    var csv = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if json, csv { throw ValidationError("Give --json or --csv, not both.") }
    }

    func run() async throws {
        let tried = try readRules()
        let year = self.year
        var outcomes = try await store.withStore { database in
            try await ProvinceWhatIf(database: database).outcomes(year: year, rules: tried)
        }
        guard !outcomes.isEmpty else {
            Terminal.error("库中没有 \(year) 年的部门。")
            throw ExitCode(ExitCodes.invalidInput)
        }
        let summary = WhatIf.Summary(outcomes)
        if changedOnly { outcomes = outcomes.filter { ($0.change ?? .zero) != .zero || $0.changesGrade } }
        if csv {
            FileHandle.standardOutput.write(Data(WhatIfTable.csv(outcomes).utf8))
        } else if json {
            Terminal.output(WhatIfTable.json(outcomes).serialized())
        } else {
            var lines = [WhatIfTable.sentence(summary)]
            for outcome in outcomes.sorted(by: { ($0.change?.magnitude ?? .zero) > ($1.change?.magnitude ?? .zero) }) {
                let row = WhatIfTable.row(outcome)
                lines.append("  \(row[0])  \(row[1])  \(row[2]) \(row[3]) → \(row[4]) \(row[5])  \(row[6])"
                    + (row[8].isEmpty ? "" : "  （\(row[8])）"))
            }
            Terminal.output(lines.joined(separator: "\n"))
        }
    }

    /// `--rules` as a file when one is there, else as JSON text or a template id.
    private func readRules() throws -> WhatIf.Rules {
        do {
            if FileManager.default.fileExists(atPath: rules) {
                return try WhatIfRulesReader.decode(try Data(contentsOf: URL(fileURLWithPath: rules)), file: rules)
            }
            let trimmed = rules.trimmingCharacters(in: .whitespaces)
            let data = trimmed.hasPrefix("{") ? Data(trimmed.utf8) : Data(JSONValue.string(trimmed).serialized().utf8)
            return try WhatIfRulesReader.decode(data, file: "--rules")
        } catch let error as InputError {
            Terminal.error(error.chinese(outcome: "未试算"))
            throw ExitCode(ExitCodes.invalidInput)
        }
    }
}
