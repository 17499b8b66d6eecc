import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport

/// Times read + evaluate + findings + report (Markdown, HTML, DOCX, XLSX) for the seed example and for a generated large department,
/// and the Python peer on the same large bundle. Run it from a release build:
/// `swift run -c release jixiao-bench [runs]`.
///
/// `jixiao-bench csv [rows]` runs the CSV import benchmark instead (10⁶ rows by default).
if CommandLine.arguments.dropFirst().first == "csv" {
    try CSVBenchmark.run(rows: CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 1_000_000 : 1_000_000)
    exit(0)
}

let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 5 : 5

/// The median duration of `runs` runs of `body`, in milliseconds.
func median(_ body: () throws -> Void) rethrows -> Double {
    var samples: [Duration] = []
    for _ in 0..<runs { samples.append(try ContinuousClock().measure(body)) }
    let middle = samples.sorted()[samples.count / 2]
    return Double(middle.components.seconds) * 1_000 + Double(middle.components.attoseconds) / 1e15
}

func format(_ milliseconds: Double) -> String { String(format: "%9.2f ms", milliseconds) }

func measure(label: String, data: Data, peerRuns: Int) throws -> Double {
    let reader = BundleReader()
    let year = try reader.decode(data, file: label)
    let evaluation = Evaluator.evaluate(year)
    let findings = FindingsEngine.findings(year, evaluation: evaluation)
    let document = ReportBuilder.build(year, evaluation: evaluation, findings: findings)
    let parse = try median { _ = try JSONParser.parse(data) }
    let read = try median { _ = try reader.decode(data, file: label) }
    let evaluate = median { _ = Evaluator.evaluate(year) }
    let find = median { _ = FindingsEngine.findings(year, evaluation: evaluation) }
    let midYear = CivilDate(year: year.year, month: 6, day: 30)!
    let monitor = median { _ = Monitor.report(year, asOf: midYear) }
    let build = median { _ = ReportBuilder.build(year, evaluation: evaluation, findings: findings) }
    let render = median { _ = (MarkdownRenderer.render(document), HTMLRenderer.render(document)) }
    let docx = try median { _ = try DocxRenderer.render(document) }
    let xlsx = try median { _ = try XlsxRenderer.render(document) }
    let whole = try median {
        let year = try reader.decode(data, file: label)
        let evaluation = Evaluator.evaluate(year)
        let findings = FindingsEngine.findings(year, evaluation: evaluation)
        let document = ReportBuilder.build(year, evaluation: evaluation, findings: findings)
        _ = (MarkdownRenderer.render(document), HTMLRenderer.render(document))
    }
    print("\(label): \(year.payments.count) payments, \(year.indicators.count) indicators, "
        + "\(year.activities.count) activities, \(data.count / 1024) KiB")
    for (stage, value) in [("parse JSON only", parse), ("read + validate", read), ("evaluate", evaluate), ("findings", find),
                           ("monitor 30 June", monitor),
                           ("build report", build), ("render md + html", render), ("render docx", docx),
                           ("render xlsx", xlsx), ("whole pipeline", whole)] {
        print("  \(stage.padding(toLength: 18, withPad: " ", startingAt: 0)) \(format(value))")
    }
    if let peer = PythonDocxPeer.medianMilliseconds(document, runs: peerRuns) {
        print("  python-docx, same blocks (no merges, no styles) \(format(peer))")
        print(String(format: "  ratio jixiao docx / python-docx: %.5f (python-docx takes %.0f× as long)",
                     docx / peer, peer / docx))
    } else {
        print("  python-docx not installed: no DOCX peer measured")
    }
    return whole
}

let seed = URL(fileURLWithPath: "examples/hp-kexie-2022.json")
print("jixiao-bench: median of \(runs) runs each")
_ = try measure(label: "seed example", data: try Data(contentsOf: seed), peerRuns: runs)

let large = Data(GeneratedBundle.json(payments: 100_000, indicators: 200).utf8)
let file = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-\(getpid()).json")
try large.write(to: file)
defer { try? FileManager.default.removeItem(at: file) }
// python-docx needs about 20 s for this document: one run is enough to compare.
let ours = try measure(label: "generated department", data: large, peerRuns: 1)
if let peer = PythonPeer.medianMilliseconds(file: file, runs: runs) {
    print("python3 json + Decimal (load, line sums, rate, positive scores only): \(format(peer))")
    print(String(format: "ratio jixiao whole pipeline / python peer: %.2f", ours / peer))
} else {
    print("python3 not available: no peer measured")
}
