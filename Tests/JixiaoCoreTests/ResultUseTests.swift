import Testing
@testable import JixiaoCore

/// 评价结果应用: grades and timeliness turned into next year's budget suggestion by the bureau's rule.
@Suite struct ResultUseTests {
    let budget = Money(fen: 864_400_000)
    let rule = ResultUseRule.standard

    @Test func eachGradeGetsItsActionAndLateOrMissingSelfEvaluationsCutMore() {
        let best = rule.suggest(grade: "优", timeliness: .onTime, budget: budget)
        #expect(best.action == .priority && best.cut == .zero && best.amount == budget && best.reasons == ["等级“优”：优先保障"])
        let good = rule.suggest(grade: "良", timeliness: .pending, budget: budget)
        #expect(good.action == .keep && good.amount == budget)
        let fair = rule.suggest(grade: "中", timeliness: .onTime, budget: budget)
        #expect(fair.action == .cut && fair.cut == Rational(1, 10) && fair.amount == Money(fen: 777_960_000))
        #expect(fair.reasons == ["等级“中”：压减 10%"])
        let poor = rule.suggest(grade: "差", timeliness: .missing, budget: budget)
        #expect(poor.action == .suspend && poor.cut == .one && poor.amount == .zero && poor.reasons.count == 1)
        // Late or missing: the timeliness cut is added, and a grade that asked for no cut becomes one.
        let late = rule.suggest(grade: "优", timeliness: .late(days: 3), budget: budget)
        #expect(late.action == .cut && late.cut == Rational(1, 10) && late.reasons == ["等级“优”：优先保障", "逾期 3 天报送：压减 10%"])
        let fairMissing = rule.suggest(grade: "中", timeliness: .missing, budget: budget)
        #expect(fairMissing.cut == Rational(3, 10) && fairMissing.amount == Money(fen: 605_080_000))
        // Not evaluated, or a grade the rule does not name: kept, and said so.
        #expect(rule.suggest(grade: nil, timeliness: .pending, budget: budget).reasons == ["尚无评价等级，按保持"])
        #expect(rule.suggest(grade: "合格", timeliness: .onTime, budget: budget).action == .keep)
    }

    @Test func cutsStopAtTheWholeBudgetAndRoundToTheFen() {
        let harsh = ResultUseRule(grades: ["中": .init(.cut, share: Rational(6, 10))], lateCut: Rational(1, 2),
                                  missingCut: Rational(1, 2))
        let capped = harsh.suggest(grade: "中", timeliness: .late(days: 1), budget: budget)
        #expect(capped.cut == .one && capped.amount == .zero && capped.action == .cut)
        let keptLate = harsh.suggest(grade: "良", timeliness: .missing, budget: Money(fen: 3))
        // 3 fen × 0.5 = 1.5 fen → 2 fen, half away from zero.
        #expect(keptLate.amount == Money(fen: 2) && keptLate.action == .cut)
        // A share given with another action is ignored: only a cut takes one.
        #expect(ResultUseRule.GradeRule(.keep, share: Rational(1, 2)).share == .zero)
    }

    @Test func timelinessIsCountedAgainstTheDeadlineDay() {
        let due = CivilDate(year: 2023, month: 4, day: 30)!
        func on(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: 2023, month: month, day: day)! }
        #expect(ResultUseRule.Timeliness.of(received: due, due: due, today: on(6, 1)) == .onTime)
        #expect(ResultUseRule.Timeliness.of(received: on(5, 3), due: due, today: on(6, 1)) == .late(days: 3))
        #expect(ResultUseRule.Timeliness.of(received: nil, due: due, today: on(5, 1)) == .missing)
        #expect(ResultUseRule.Timeliness.of(received: nil, due: due, today: due) == .pending)
        #expect(ResultUseRule.Timeliness.of(received: nil, due: nil, today: on(12, 1)) == .pending)
        #expect(ResultUseRule.Timeliness.of(received: on(12, 1), due: nil, today: on(12, 1)) == .onTime)
        #expect(ResultUseRule.Timeliness.late(days: 3).chinese == "逾期 3 天报送")
    }
}
