import ArgumentParser
import Foundation
import JixiaoReport

/// `jixiao report BUNDLE --format md|html -o FILE`: the self-evaluation report.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the self-evaluation report.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md
        case html
    }

    @OptionGroup var input: BundleInput

    @Option(help: "Output format: md or html (default: from the output file's extension).")
    var format: Format?

    @Option(name: [.short, .customLong("output")], help: "The file to write.")
    var output: String

    func validate() throws {
        if format == nil, inferredFormat == nil {
            throw ValidationError("Give --format md|html, or an output file ending in .md or .html.")
        }
    }

    private var inferredFormat: Format? {
        switch URL(fileURLWithPath: output).pathExtension.lowercased() {
        case "md", "markdown": .md
        case "html", "htm": .html
        default: nil
        }
    }

    func run() throws {
        let (year, evaluation, findings) = try input.evaluate()
        let document = ReportBuilder.build(year, evaluation: evaluation, findings: findings)
        let text = switch format ?? inferredFormat! {
        case .md: MarkdownRenderer.render(document)
        case .html: HTMLRenderer.render(document)
        }
        try OutputFile.write(Data(text.utf8), to: output)
    }
}
