import Foundation
import Synchronization

extension FindingsEngine {
    /// A whole-year figure the narrative states: the words that name it, the unit it is written in, and the
    /// values the data gives it (any of them may be meant: “年度预算” is either the initial or the adjusted budget).
    struct StatedFigure {
        /// The unit the data is given in (the first of the units the text may use).
        let unit: String
        let values: [(name: String, value: Rational)]
        /// Decimals the data is shown with (at least those written).
        let places: Int
        /// What to check, as the finding's measure.
        let measure: String
        /// A label, a short gap (为、达、约…), the number and the unit: compiled once per pattern in the process.
        let expression: NSRegularExpression?

        init(labels: [String], units: [String], values: [(name: String, value: Rational)], places: Int = 2,
             measure: String = "核对报告中的金额和比率，与预算执行数据保持一致。") {
            unit = units[0]
            self.values = values
            self.places = places
            self.measure = measure
            let words = labels.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
            let written = units.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
            expression = Self.compiled("(\(words))([为是达共计约：:，,\\s]{0,4})(\\d+(?:\\.\\d+)?)\\s*(\(written))")
        }

        /// Expressions by pattern: the same few figures are looked for in every year's text. Activity kinds are the
        /// departments' own words, so only so many are kept.
        private static let expressions = Mutex<[String: NSRegularExpression]>([:])
        private static let expressionsKept = 512

        private static func compiled(_ pattern: String) -> NSRegularExpression? {
            if let known = expressions.withLock({ $0[pattern] }) { return known }
            guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
            expressions.withLock { kept in
                if kept.count < expressionsKept { kept[pattern] = expression }
            }
            return expression
        }
    }

    /// The whole-year figures a narrative commonly states, with what the data says: budget and spending in 万元,
    /// the execution rate in %, and how many activities of each kind the records hold (“科普讲坛 6 场”). Only
    /// explicit whole-year wording counts, so a project's or a line's own amount is never taken for the
    /// department's.
    static func statedFigures(_ year: DepartmentYear, evaluation: Evaluation) -> [StatedFigure] {
        let totals = evaluation.budget.totals
        let kinds = Dictionary(grouping: year.activities, by: \.kind).filter { !$0.key.isEmpty }
        return [
            StatedFigure(labels: ["年初预算数", "年初预算"], units: ["万元"], values: [("年初预算数", totals.initial.wan)]),
            StatedFigure(labels: ["全年预算数", "全年预算", "调整后预算数", "调整后预算"], units: ["万元"],
                         values: [("全年预算数", totals.adjusted.wan)]),
            StatedFigure(labels: ["年度预算数", "年度预算", "预算总额"], units: ["万元"],
                         values: [("年初预算数", totals.initial.wan), ("全年预算数", totals.adjusted.wan)]),
            StatedFigure(labels: ["全年支出", "全年执行数", "全年执行", "实际支出", "年度支出", "支出总额", "执行数", "决算数"],
                         units: ["万元"], values: [("全年执行数", totals.executed.wan)]),
            StatedFigure(labels: ["预算执行率", "执行率"], units: ["%"],
                         values: evaluation.budget.rate.map { [("预算执行率", $0 * Rational(100))] } ?? []),
        ] + kinds.keys.sorted().map { kind in
            StatedFigure(labels: [kind + "活动", kind], units: ["场", "次", "期"],
                         values: [("活动记录中的\(kind)", Rational(Int128(kinds[kind]!.count)))], places: 0,
                         measure: "核对报告中的活动场次，与活动记录保持一致（漏记的活动请补录）。")
        }
    }

    /// Figures written in the narrative that the data does not bear out: a whole-year budget, spending or execution
    /// rate stated (to however many decimals it is written) other than the data gives it. A figure written with
    /// “约” is approximate and left alone.
    static func narrativeFigures(_ year: DepartmentYear, evaluation: Evaluation) -> [Finding] {
        guard !year.narrative.isEmpty else { return [] }
        var findings: [Finding] = []
        let figures = statedFigures(year, evaluation: evaluation)
        for section in NarrativeSection.allCases {
            guard let text = year.narrative[section] else { continue }
            var found: [(at: Int, finding: Finding)] = []
            for figure in figures where !figure.values.isEmpty {
                for (at, label, written, places, unit, quote) in statements(of: figure, in: text) {
                    guard !figure.values.contains(where: { $0.value.rounded(places: places, halfUp: true) == written })
                    else { continue }
                    let space = figure.unit == "%" ? "" : " "
                    let data = figure.values.map {
                        "\($0.name) \($0.value.formatted(places: max(places, figure.places)))\(space)\(figure.unit)"
                    }
                    found.append((at, Finding(
                        code: "NARRATIVE_FIGURE_MISMATCH", severity: .medium, theme: .selfScore,
                        message: "报告文字写“\(label) \(written.formatted(places: places))\(space)\(unit)”，"
                            + "数据为" + data.joined(separator: "、") + "。",
                        evidence: ["原文：\(quote)"] + data.map { "数据：\($0)" },
                        measure: figure.measure, subject: "narrative.\(section.rawValue)")))
                }
            }
            findings += found.sorted { $0.at < $1.at }.map(\.finding)
        }
        return findings
    }

    /// Each place the text states the figure: where, the label, the number written, its decimals and the clause
    /// around it.
    private static func statements(of figure: StatedFigure, in text: String) -> [(Int, String, Rational, Int, String, String)] {
        guard let expression = figure.expression else { return [] }
        let whole = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: whole.length)).compactMap { match in
            let gap = whole.substring(with: match.range(at: 2))
            let number = whole.substring(with: match.range(at: 3))
            guard !gap.contains("约"), let value = Rational(decimal: number) else { return nil }
            let places = number.split(separator: ".").dropFirst().first?.count ?? 0
            return (match.range.location, whole.substring(with: match.range(at: 1)), value, places,
                    whole.substring(with: match.range(at: 4)), clause(around: match.range, in: whole))
        }
    }

    /// The clause of `text` that holds `range`: from the punctuation before it to the punctuation after it.
    private static func clause(around range: NSRange, in text: NSString) -> String {
        let stops = CharacterSet(charactersIn: "。；;\n！？")
        var start = range.location
        while start > 0, let scalar = Unicode.Scalar(text.character(at: start - 1)), !stops.contains(scalar) { start -= 1 }
        var end = range.location + range.length
        while end < text.length, let scalar = Unicode.Scalar(text.character(at: end)), !stops.contains(scalar) { end += 1 }
        return text.substring(with: NSRange(location: start, length: end - start))
    }
}
