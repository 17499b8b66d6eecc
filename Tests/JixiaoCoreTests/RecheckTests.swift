@testable import JixiaoCore
import Testing

/// 自评复核: drawing departments (replayable from the seed, or by risk) and comparing re-scores with self-scores.
@Suite struct RecheckTests {
    static func candidate(_ code: String, unsupported: String = "0", rate: String? = "1", findings: Int = 0)
        -> SpotCheck.Candidate {
        SpotCheck.Candidate(code: code, name: "单位\(code)", unsupportedPoints: TestYear.r(unsupported),
                            executionRate: rate.map(TestYear.r), findings: findings)
    }

    static let pool = (1...40).map { candidate(String(format: "D%02d", $0)) }

    @Test func aRandomDrawIsReplayedFromItsSeedWhateverOrderTheCandidatesCameIn() {
        let drawn = SpotCheck.draw(Self.pool, count: 5, method: .random(seed: 2022))
        #expect(drawn.count == 5 && Set(drawn.map(\.code)).count == 5)
        #expect(SpotCheck.draw(Self.pool.reversed(), count: 5, method: .random(seed: 2022)) == drawn)
        #expect(SpotCheck.draw(Self.pool.shuffled(), count: 5, method: .random(seed: 2022)) == drawn)
        // Another seed draws other departments (the chance of the same five in the same order is nil).
        #expect(SpotCheck.draw(Self.pool, count: 5, method: .random(seed: 2023)) != drawn)
        // Every department can be drawn: over many seeds each one comes up.
        let seen = Set((0..<400).flatMap { SpotCheck.draw(Self.pool, count: 1, method: .random(seed: $0)).map(\.code) })
        #expect(seen.count == Self.pool.count)
        #expect(SpotCheck.draw(Self.pool, count: 100, method: .random(seed: 1)).count == 40)
        #expect(SpotCheck.draw(Self.pool, count: 0, method: .random(seed: 1)).isEmpty)
    }

    @Test func aDrawByRiskTakesTheRiskiestFirst() {
        let candidates = [Self.candidate("A", unsupported: "40", rate: "0.99", findings: 1),
                          Self.candidate("B", unsupported: "85.5", rate: "0.62", findings: 3),
                          Self.candidate("C", unsupported: "12", rate: nil, findings: 9),
                          Self.candidate("D", unsupported: "85.5", rate: "0.80", findings: 0)]
        func codes(_ measure: SpotCheck.RiskMeasure, _ count: Int = 4) -> [String] {
            SpotCheck.draw(candidates, count: count, method: .risk(measure)).map(\.code)
        }
        #expect(codes(.unsupportedPoints) == ["B", "D", "A", "C"])
        // No budget to execute comes last, not first.
        #expect(codes(.lowestExecution) == ["B", "D", "A", "C"])
        #expect(codes(.mostFindings, 2) == ["C", "B"])
        #expect(candidates[2].figure(.lowestExecution) == "—" && candidates[1].figure(.lowestExecution) == "62.00%")
    }

    @Test func pointsAreUnsupportedUnlessTheRecordsComputedTheActual() {
        let year = TestYear.make()
        let evaluation = Evaluator.evaluate(year)
        // Every actual is typed: all indicator points are unsupported, the budget score is not counted.
        #expect(SpotCheck.unsupportedPoints(evaluation) == evaluation.indicators.map(\.score).sum())
        var measured = evaluation
        measured.indicators[0].actualSource = .measured(records: [0, 1])
        #expect(SpotCheck.unsupportedPoints(measured) == evaluation.indicators.dropFirst().map(\.score).sum())
    }

    @Test func reScoresChangeTheTotalAndTheGradeAndAreFlaggedPastTheThreshold() throws {
        let year = TestYear.make()
        let evaluation = Evaluator.evaluate(year)
        #expect(evaluation.total == TestYear.r("100") && evaluation.grade == "优")
        let none = Recheck(year: year, evaluation: evaluation, rescores: [:], threshold: TestYear.r("5"))
        #expect(!none.hasRescores && !none.isFlagged && none.recheckTotal == none.selfTotal)

        let small = Recheck(year: year, evaluation: evaluation,
                            rescores: ["a": .init(score: TestYear.r("45"), reason: "部分场次无记录")],
                            threshold: TestYear.r("5"))
        #expect(small.recheckTotal == TestYear.r("95") && small.difference == TestYear.r("-5"))
        // Exactly the threshold is not beyond it.
        #expect(!small.isFlagged && small.recheckGrade == "优")

        let large = Recheck(year: year, evaluation: evaluation,
                            rescores: ["a": .init(score: TestYear.r("44.5"), reason: "部分场次无记录"),
                                       Recheck.budgetItem: .init(score: TestYear.r("10"), reason: "核实无误")],
                            threshold: TestYear.r("5"))
        #expect(large.isFlagged && large.rows[0].rescore != nil && large.rows[0].difference == .zero)
        let graded = Recheck(year: year, evaluation: evaluation,
                             rescores: ["b": .init(score: TestYear.r("19"), reason: "效益数据来源不明")],
                             threshold: TestYear.r("20"))
        #expect(graded.recheckTotal == TestYear.r("89") && graded.recheckGrade == "良" && graded.isFlagged)
    }

    @Test func aReScoreIsANumberWithinTheItemsPointsWithAReason() throws {
        let year = TestYear.make()
        let evaluation = Evaluator.evaluate(year)
        func faults(_ item: String, _ score: String, _ reason: String = "理由") -> [String] {
            do {
                _ = try Recheck.rescore(item: item, score: score, reason: reason, year: year, evaluation: evaluation)
                return []
            } catch {
                return error.faults.map(\.field)
            }
        }
        #expect(faults("a", "47.5").isEmpty && faults(Recheck.budgetItem, "9.99").isEmpty && faults("a", "0").isEmpty)
        #expect(faults("a", "50.01") == ["score"] && faults("a", "-1") == ["score"] && faults("a", "1.234") == ["score"])
        #expect(faults("a", "1e1") == ["score"] && faults("a", "四十") == ["score"])
        #expect(faults("a", "40", " ") == ["reason"] && faults("a", "x", "") == ["score", "reason"])
        #expect(faults("zz", "1") == ["item"])
        let rescore = try Recheck.rescore(item: "a", score: " 40.5 ", reason: " 抽查 ", year: year, evaluation: evaluation)
        #expect(rescore == .init(score: TestYear.r("40.5"), reason: "抽查"))
    }

    @Test func aTargetAdjustmentGoesThroughTheSameReviewAsTheTargets() {
        func next(_ state: TargetAdjustment.State, _ action: ReviewAction, _ party: ReviewParty,
                  reason: String = "") -> TargetAdjustment.State? {
            try? TargetAdjustment.next(from: state, action: action, by: party, reason: reason)
        }
        #expect(next(.submitted, .approve, .head) == .departmentApproved)
        #expect(next(.departmentApproved, .approve, .bureau) == .approved)
        #expect(next(.submitted, .approve, .bureau) == nil && next(.submitted, .approve, .preparer) == nil)
        #expect(next(.departmentApproved, .return, .bureau) == nil)
        #expect(next(.departmentApproved, .return, .bureau, reason: "理由不充分") == .returned)
        #expect(next(.submitted, .withdraw, .preparer) == .withdrawn)
        for closed in [TargetAdjustment.State.approved, .returned, .withdrawn] {
            for party in ReviewParty.allCases { #expect(TargetAdjustment.actions(in: closed, by: party).isEmpty) }
        }

        let current = TargetAdjustment.Target(TestYear.indicator("a"))
        var proposed = current
        proposed.target = "8"
        let approved: [ReviewRound: ReviewState] = [.targets: .approved]
        #expect(TargetAdjustment.refusal(from: current, to: proposed, reason: "场地改造，场次减少", states: approved) == nil)
        #expect(TargetAdjustment.refusal(from: current, to: current, reason: "无", states: approved) != nil)
        #expect(TargetAdjustment.refusal(from: current, to: proposed, reason: " ", states: approved) != nil)
        #expect(TargetAdjustment.refusal(from: current, to: proposed, reason: "理由", states: [:])?.message
            .contains("可以直接修改") == true)
        #expect(TargetAdjustment.refusal(from: current, to: proposed, reason: "理由",
                                         states: [.targets: .approved, .selfEvaluation: .submitted]) != nil)
        #expect(current.text == "≥ 10 场（50 分）")
    }
}
