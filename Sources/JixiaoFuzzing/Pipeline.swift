import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport

/// Everything a bundle goes through after upload, run on one input: the reader, and for a year it accepts the
/// evaluation, findings, monitoring on several dates, the report and monitoring-table models, every renderer, the
/// JSON outputs and the bundle written back. A trap anywhere ends the process, which is what fuzzing looks for; the
/// invariants it returns are what property tests check.
public enum Pipeline {
    /// What became of one input.
    public struct Outcome: Sendable {
        /// The year, when the reader accepted it.
        public var year: DepartmentYear?
        /// Whether the reader accepted it.
        public var accepted: Bool { year != nil }
        /// Properties that should hold and did not, worded for a test failure.
        public var violations: [String] = []
    }

    /// Runs an input through the whole pipeline; Office files are rendered only with `office` (they cost the most).
    public static func run(_ value: JSONValue, office: Bool) -> Outcome {
        var outcome = Outcome()
        guard let year = try? BundleReader().decode(value, file: "fuzz") else { return outcome }
        outcome.year = year
        outcome.violations = exercise(year, office: office)
        if let again = try? BundleReader().decode(BundleWriter.encode(year), file: "again"), again != year {
            outcome.violations.append("the bundle written back reads as a different year")
        }
        return outcome
    }

    /// Runs a year through the engines and renderers and checks the scores' invariants.
    public static func exercise(_ year: DepartmentYear, office: Bool) -> [String] {
        var violations: [String] = []
        let evaluation = Evaluator.evaluate(year)
        let findings = FindingsEngine.findings(year, evaluation: evaluation)
        for score in evaluation.indicators where score.method != .manual {
            if score.score < .zero { violations.append("\(score.id) scores \(score.score), below 0") }
            if let indicator = year.indicators.first(where: { $0.id == score.id }),
               score.score > year.template.rounding.apply(indicator.weight) {
                violations.append("\(score.id) scores \(score.score), above its weight \(indicator.weight)")
            }
        }
        if evaluation.budget.score > evaluation.budget.weight || evaluation.budget.score < .zero {
            violations.append("the budget scores \(evaluation.budget.score) of \(evaluation.budget.weight)")
        }
        if Evaluator.evaluate(year) != evaluation { violations.append("evaluating twice gave two results") }

        let report = ReportBuilder.build(year, evaluation: evaluation, findings: findings)
        _ = MarkdownRenderer.render(report)
        _ = HTMLRenderer.render(report)
        _ = EvaluationJSON.encode(year, evaluation, findings: findings).serialized()
        let dates = [CivilDate(year: year.year, month: 1, day: 1)!, CivilDate(year: year.year, month: 6, day: 30)!,
                     CivilDate(year: year.year, month: 12, day: 31)!]
        for date in dates {
            let monitoring = Monitor.report(year, asOf: date)
            _ = MonitoringJSON.encode(year, monitoring).serialized()
            let table = MonitoringTable.build(year, report: monitoring)
            _ = HTMLRenderer.render(table)
            if office, date == dates[1] { _ = try? DocxRenderer.render(table) }
        }
        if office {
            _ = try? DocxRenderer.render(report)
            _ = try? XlsxRenderer.render(report)
        }
        return violations
    }

    /// The year with its numbers pushed past every range the reader enforces — amounts ×10²⁰, targets of 10⁻³⁰,
    /// actual values of 10³⁰, weights of 10²⁰ — so that the engines are shown not to trap even on values no reader
    /// lets in.
    public static func beyondTheReader(_ year: DepartmentYear, seed: UInt64) -> DepartmentYear {
        var random = SeededGenerator(seed: seed)
        let factor = Int128(10).power(Int.random(in: 15...20, using: &random))
        let huge = ["1e-30", "1e30", "-1e30", "0.000000000000000000000000000001", String(repeating: "9", count: 38)]
        var year = year
        year.payments = year.payments.map { payment in
            var payment = payment
            payment.amount = Money(fen: payment.amount.fen * factor)
            return payment
        }
        year.budgetLines = year.budgetLines.map { line in
            var line = line
            line.adjusted = Money(fen: line.adjusted.fen * (Bool.random(using: &random) ? factor : 1))
            return line
        }
        year.indicators = year.indicators.map { indicator in
            var indicator = indicator
            indicator.targetText = huge.randomElement(using: &random)!
            indicator.actualText = huge.randomElement(using: &random)!
            indicator.weight = indicator.weight * Rational(factor)
            return indicator
        }
        return year
    }
}

extension Int128 {
    fileprivate func power(_ exponent: Int) -> Int128 { (0..<exponent).reduce(1) { product, _ in product * self } }
}
