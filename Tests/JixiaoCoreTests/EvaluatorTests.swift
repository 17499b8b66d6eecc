import Testing
@testable import JixiaoCore

@Suite struct EvaluatorTests {
    typealias T = TestYear

    @Test func aPerfectYearScoresFullMarks() {
        let evaluation = Evaluator.evaluate(T.make())
        #expect(evaluation.total == T.r("100"))
        #expect(evaluation.grade == "优")
        #expect(evaluation.budget.rate == .one)
    }

    @Test func budgetScoreIsCappedAtFullExecution() {
        let over = BudgetLine(code: "L1", name: "项目", kind: .project, initial: T.yuan("100"), adjusted: T.yuan("100"),
                              declaredExecuted: T.yuan("120"))
        let evaluation = Evaluator.evaluate(T.make(lines: [over]))
        #expect(evaluation.budget.score == T.r("10"))
        #expect(evaluation.budget.rate == T.r("1.2"))
    }

    @Test func executedDefaultsToTheSumOfPayments() {
        let line = BudgetLine(code: "L1", name: "项目", kind: .project, initial: T.yuan("8644000"),
                              adjusted: T.yuan("8644000"))
        let payments = [Payment(line: "L1", date: T.date("2022-03-01"), amount: T.yuan("8000000")),
                        Payment(line: "L1", date: T.date("2022-11-01"), amount: T.yuan("556300"))]
        let evaluation = Evaluator.evaluate(T.make(lines: [line], payments: payments))
        #expect(evaluation.budget.totals.executed == T.yuan("8556300"))
        #expect(T.template.rounding.format(evaluation.budget.score) == "9.90")
    }

    @Test func aZeroBudgetHasNoRateAndNoPoints() {
        let empty = BudgetLine(code: "L1", name: "项目", kind: .project, initial: .zero, adjusted: .zero)
        let evaluation = Evaluator.evaluate(T.make(lines: [empty]))
        #expect(evaluation.budget.rate == nil)
        #expect(evaluation.budget.score == .zero)
    }

    @Test("a qualitative grade alone earns the top of its band", arguments: [
        (Indicator.Grade.achieved, "30"), (.partial, "24"), (.failed, "18"),
    ])
    func qualitativeGrade(grade: Indicator.Grade, expected: String) {
        let indicator = T.indicator("q", level1: "效益指标", nature: .qualitative, target: "有效提升", weight: "30",
                                    actual: nil, grade: grade)
        let score = Evaluator.score(indicator, in: T.make(), template: T.template)
        #expect(score.score == T.r(expected))
        #expect(score.method == .qualitative)
    }

    @Test func aManualScoreReplacesTheComputedOneAndKeepsItAsEvidence() {
        var indicator = T.indicator("m", target: "100", actual: "50")
        indicator.manualScore = ManualScore(score: T.r("40"), reason: "复核后认定")
        let score = Evaluator.score(indicator, in: T.make(), template: T.template)
        #expect(score.score == T.r("40"))
        #expect(score.method == .manual)
        #expect(score.computedScore == T.r("25"))
        #expect(score.overrideReason == "复核后认定")
    }

    @Test func missingActualsAndVagueTargetsScoreZero() {
        let missing = Evaluator.score(T.indicator("x", actual: nil), in: T.make(), template: T.template)
        #expect(missing.score == .zero)
        #expect(missing.method == .notAssessed)
        let vague = Evaluator.score(T.indicator("y", target: "较多"), in: T.make(), template: T.template)
        #expect(vague.method == .targetNotNumeric)
        #expect(vague.score == .zero)
    }

    @Test func measuresCountAndSumActivitiesOfTheYearOnly() {
        let activities = [
            Activity(date: T.date("2022-03-01"), title: "讲座", kind: "讲座", quantities: ["audience": T.r("100")]),
            Activity(date: T.date("2022-05-01"), title: "展览", kind: "展览", quantities: ["audience": T.r("250")]),
            Activity(date: T.date("2022-06-01"), title: "讲座", kind: "讲座", quantities: [:]),
            Activity(date: T.date("2021-12-31"), title: "讲座", kind: "讲座", quantities: ["audience": T.r("999")]),
        ]
        var year = T.make()
        year.activities = activities
        let (count, counted) = Measurement.value(of: Measure(aggregate: .count, filter: ["kind": "讲座"]), in: year)
        #expect(count == T.r("2"))
        #expect(counted == [0, 2])
        let (sum, summed) = Measurement.value(of: Measure(aggregate: .sum, field: "audience"), in: year)
        #expect(sum == T.r("350"))
        #expect(summed == [0, 1])
        // Up to a date, the records keep their places in the year.
        let (early, earlyRecords) = Measurement.value(of: Measure(aggregate: .count, filter: ["kind": "讲座"]), in: year,
                                                      upTo: T.date("2022-03-31"))
        #expect(early == T.r("1") && earlyRecords == [0])
    }

    @Test func aWorkPlanRateIsComputedFromItsTasks() {
        var year = T.make()
        year.workPlan = [("2022-03-31", "2022-03-20"), ("2022-06-30", "2022-07-15"), ("2022-09-30", nil),
                         ("2022-12-31", "2022-12-31")].enumerated().map { index, dates in
            WorkTask(id: "w\(index)", keyTask: 1, title: "任务\(index)", start: T.date("2022-01-01"),
                     due: T.date(dates.0), status: dates.1 == nil ? .inProgress : .done,
                     completed: dates.1.map(T.date))
        }
        year.workPlan.append(WorkTask(id: "x", title: "日常工作", start: T.date("2022-01-01"), due: T.date("2022-02-01")))
        // Key tasks' tasks only: 2 of 4 on time, 3 of 4 done by the year's end.
        let (onTime, onTimeTasks) = Measurement.value(of: Measure(aggregate: .onTimeRate), in: year)
        #expect(onTime == T.r("50") && onTimeTasks == [0, 3])
        #expect(Measurement.value(of: Measure(aggregate: .doneRate), in: year).0 == T.r("75"))
        // Mid-year: the two tasks due by then, one of them done on time.
        #expect(Measurement.value(of: Measure(aggregate: .onTimeRate), in: year, upTo: T.date("2022-06-30")).0 == T.r("50"))
        // An indicator measured so is scored on it: 50 % against a 95 % target.
        var indicator = T.indicator("t", level2: "时效指标", target: "95", unit: "%", weight: "10", actual: nil)
        indicator.measure = Measure(aggregate: .onTimeRate)
        let score = Evaluator.score(indicator, in: year, template: T.template)
        #expect(score.actual == T.r("50") && score.actualSource == .measured(records: [0, 3]))
    }

    @Test func theTemplateRoundsEveryScoreAndTheTotal() {
        var template = T.template
        template.rounding = Rounding(mode: .truncate, places: 2)
        var year = T.make(indicators: [T.indicator("a", target: "3", weight: "50", actual: "2"),
                                       T.indicator("b", level1: "效益指标", target: "3", weight: "31", actual: "2"),
                                       T.indicator("c", level1: "满意度指标", target: "3", weight: "10", actual: "2")])
        year.template = template
        let evaluation = Evaluator.evaluate(year)
        #expect(evaluation.indicators.map(\.score) == [T.r("33.33"), T.r("20.66"), T.r("6.66")])
        #expect(evaluation.total == T.r("70.65"))
        template.rounding = Rounding(mode: .integer, places: 0)
        year.template = template
        #expect(Evaluator.evaluate(year).indicators.map(\.score) == [T.r("33"), T.r("21"), T.r("7")])
    }

    @Test("grades at their band edges", arguments: [("90", "优"), ("89.99", "良"), ("80", "良"), ("60", "中"),
                                                    ("59.99", "差"), ("0", "差")])
    func grades(total: String, expected: String) {
        #expect(T.template.grade(for: T.r(total)) == expected)
    }

    @Test func overridesChangeOnlyWhatTheyName() {
        let changed = T.template.applying(TemplateOverrides(budgetWeight: T.r("20"), reverse: .inverseRatio,
                                                            levelWeights: ["产出指标": T.r("40")]))
        #expect(changed.id == "test+custom")
        #expect(changed.budget.weight == T.r("20"))
        #expect(changed.reverse == .inverseRatio)
        #expect(changed.level(named: "产出指标")?.weight == T.r("40"))
        #expect(changed.rounding == T.template.rounding)
        #expect(changed.frameworkWeight == T.r("100"))
        #expect(T.template.applying(TemplateOverrides()) == T.template)
    }
}
