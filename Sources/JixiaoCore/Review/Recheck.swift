import Foundation

/// 自评复核: the finance bureau's re-scores of a drawn department set beside the department's own scores, item by
/// item (the budget-execution score and each indicator) and in total, with the grades both totals earn. Pure.
public struct Recheck: Sendable, Hashable {
    /// The item key of the budget-execution score; indicators are keyed by their id.
    public static let budgetItem = "budget"

    /// A re-score the reviewer gave, with the reason that must come with it.
    public struct Rescore: Sendable, Hashable {
        public var score: Rational
        public var reason: String

        public init(score: Rational, reason: String) {
            self.score = score
            self.reason = reason
        }
    }

    /// One scored item: its points, the department's score and the bureau's.
    public struct Row: Sendable, Hashable {
        public var item: String
        public var label: String
        public var weight: Rational
        public var selfScore: Rational
        public var rescore: Rescore?

        /// The score that counts after the re-check: the bureau's where it gave one.
        public var finalScore: Rational { rescore?.score ?? selfScore }
        /// Re-check minus self-score.
        public var difference: Rational { finalScore - selfScore }
    }

    public var rows: [Row]
    public var selfTotal: Rational
    public var recheckTotal: Rational
    public var selfGrade: String
    public var recheckGrade: String
    /// The difference in points beyond which a department is flagged.
    public var threshold: Rational

    /// Re-check total minus self total.
    public var difference: Rational { recheckTotal - selfTotal }

    /// Whether the re-check moved the total by more than the threshold, or changed the grade.
    public var isFlagged: Bool {
        let size = difference < .zero ? -difference : difference
        return size > threshold || selfGrade != recheckGrade
    }

    /// Whether the bureau re-scored anything.
    public var hasRescores: Bool { rows.contains { $0.rescore != nil } }

    /// The comparison of `year`'s evaluation with the bureau's `rescores` (by item key; keys the year no longer has
    /// are left out), totals rounded by the year's template like the self-evaluation's.
    public init(year: DepartmentYear, evaluation: Evaluation, rescores: [String: Rescore], threshold: Rational) {
        self.init(indicators: year.indicators, template: year.template, evaluation: evaluation, rescores: rescores,
                  threshold: threshold)
    }

    /// The same comparison from what scoring keeps of a year (its indicators and template), for lists over many
    /// departments that do not load each year.
    public init(indicators: [Indicator], template: EvaluationTemplate, evaluation: Evaluation,
                rescores: [String: Rescore], threshold: Rational) {
        var rows = [Row(item: Self.budgetItem, label: "预算执行率", weight: evaluation.budget.weight,
                        selfScore: evaluation.budget.score, rescore: rescores[Self.budgetItem])]
        for indicator in indicators {
            guard let score = evaluation.score(of: indicator.id) else { continue }
            rows.append(Row(item: indicator.id, label: indicator.name, weight: score.weight, selfScore: score.score,
                            rescore: rescores[indicator.id]))
        }
        self.rows = rows
        selfTotal = evaluation.total
        recheckTotal = template.rounding.apply(rows.map(\.finalScore).sum())
        selfGrade = evaluation.grade
        recheckGrade = template.grade(for: recheckTotal)
        self.threshold = threshold
    }

    /// Why a re-score cannot be taken, in words for the reviewer: every fault, each with its field.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public struct Fault: Sendable, Equatable {
            public let field: String
            public let message: String
        }

        public let faults: [Fault]
        public var description: String { faults.map { "\($0.field)：\($0.message)" }.joined(separator: "\n") }
    }

    /// Reads a re-score of `item` written as a decimal: the item must be scored in `evaluation`, the score between
    /// zero and the item's points with no more decimals than the template rounds to, and a reason given. Every
    /// fault is reported.
    public static func rescore(item: String, score text: String, reason: String, year: DepartmentYear,
                               evaluation: Evaluation) throws(Invalid) -> Rescore {
        let weight = item == budgetItem ? evaluation.budget.weight : evaluation.score(of: item)?.weight
        var faults: [Invalid.Fault] = []
        guard let weight else { throw Invalid(faults: [.init(field: "item", message: "没有指标“\(item)”")]) }
        let places = year.template.rounding.places
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = Rational(decimal: trimmed)
        if let value, !trimmed.lowercased().contains("e"), value >= .zero, value <= weight,
           value.terminates(within: places) {
            // a valid score
        } else {
            faults.append(.init(field: "score", message: "复核得分须是 0 到 \(weight.formatted(places: places)) 之间、"
                + "最多 \(places) 位小数的数字"))
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { faults.append(.init(field: "reason", message: "须写明复核理由")) }
        guard faults.isEmpty, let value else { throw Invalid(faults: faults) }
        return Rescore(score: value, reason: reason)
    }
}
