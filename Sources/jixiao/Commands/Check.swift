import ArgumentParser
import JixiaoCore

/// `jixiao check BUNDLE`: validation and findings, with an exit code scripts can act on.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a bundle and list its findings.",
        discussion: "Exits 0 when clean (notes of severity low only), 1 when there are findings, 2 when invalid.")

    @OptionGroup var input: BundleInput

    func run() throws {
        let (_, _, findings) = try input.evaluate()
        guard !findings.isEmpty else {
            Terminal.output("未发现问题。")
            return
        }
        for finding in findings {
            var line = "[\(finding.severity.chinese)] \(finding.code)"
            if let subject = finding.subject { line += " (\(subject))" }
            Terminal.output(line + "\n  \(finding.message)\n  建议：\(finding.measure)")
        }
        if findings.contains(where: \.needsAction) { throw ExitCode(ExitCodes.findings) }
    }
}
