import Testing
@testable import JixiaoCore

private func r(_ text: String) -> Rational { Rational(decimal: text)! }

@Suite struct FormulaTests {
    @Test("positive: W × min(A/T, 1)", arguments: [
        ("40", "40", "10"), ("47", "40", "10"), ("20", "40", "5"), ("0", "40", "0"), ("0", "0", "10"),
        ("5", "0", "10"), ("-3", "40", "0"),
    ])
    func positive(actual: String, target: String, expected: String) {
        #expect(Formulas.positive(weight: r("10"), actual: r(actual), target: r(target)).0 == r(expected))
    }

    @Test("reverse linear to double", arguments: [
        ("58", "58", "10"), ("40", "58", "10"), ("0", "58", "10"), ("87", "58", "5"), ("116", "58", "0"),
        ("200", "58", "0"), ("0", "0", "10"), ("1", "0", "0"), ("1.5", "1", "5"),
    ])
    func linearToDouble(actual: String, target: String, expected: String) {
        #expect(Formulas.linearToDouble(weight: r("10"), actual: r(actual), target: r(target)).0 == r(expected))
    }

    @Test("reverse inverse ratio", arguments: [
        ("10", "10", "10"), ("20", "10", "5"), ("5", "10", "10"), ("0", "10", "10"), ("0", "0", "10"), ("3", "0", "0"),
    ])
    func inverseRatio(actual: String, target: String, expected: String) {
        #expect(Formulas.inverseRatio(weight: r("10"), actual: r(actual), target: r(target)).0 == r(expected))
    }

    @Test("equal scores by relative deviation", arguments: [
        ("100", "100", "10"), ("99", "100", "9.9"), ("101", "100", "9.9"), ("300", "100", "0"), ("0", "0", "10"),
        ("1", "0", "0"),
    ])
    func equal(actual: String, target: String, expected: String) {
        #expect(Formulas.equal(weight: r("10"), actual: r(actual), target: r(target)).0 == r(expected))
    }

    static let tiers = [ScoringRule.Tier(upTo: r("0"), score: r("8")), ScoringRule.Tier(upTo: r("0.10"), score: r("6")),
                        ScoringRule.Tier(upTo: nil, score: r("0"))]

    @Test("tiers: the first whose upTo is at least A", arguments: [
        ("0", "8"), ("-1", "8"), ("0.01", "6"), ("0.10", "6"), ("0.1001", "0"), ("5", "0"),
    ])
    func tiers(actual: String, expected: String) {
        #expect(Formulas.tiers(FormulaTests.tiers, actual: r(actual)).0 == r(expected))
    }

    @Test("deduction counts only whole steps beyond the bound", arguments: [
        ("1.00", "10"), ("0.90", "10"), ("1.005", "10"), ("1.01", "9.5"), ("1.015", "9.5"), ("1.0199", "9.5"),
        ("1.02", "9"), ("1.25", "0"), ("5", "0"),
    ])
    func deductionAtMost(actual: String, expected: String) {
        let (score, _) = Formulas.deduction(weight: r("10"), actual: r(actual), direction: .atMost, bound: r("1.00"),
                                            step: r("0.01"), points: r("0.5"))
        #expect(score == r(expected))
    }

    @Test("deduction below a lower bound", arguments: [("95", "5"), ("96", "5"), ("94.9", "5"), ("94", "4"),
                                                       ("80", "0")])
    func deductionAtLeast(actual: String, expected: String) {
        let (score, _) = Formulas.deduction(weight: r("5"), actual: r(actual), direction: .atLeast, bound: r("95"),
                                            step: r("1"), points: r("1"))
        #expect(score == r(expected))
    }
}
