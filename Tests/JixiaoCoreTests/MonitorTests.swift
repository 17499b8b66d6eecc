import Testing
@testable import JixiaoCore

@Suite struct MonitorTests {
    typealias T = TestYear

    /// One project line of 1,200 yuan planned at 100 a month, paid `paid` yuan on the 10th of each listed month.
    private func year(paid: [Int: String], plan: Bool = true, year: Int = 2022) -> DepartmentYear {
        let line = BudgetLine(code: "L1", name: "项目", kind: .project, initial: T.yuan("1200"), adjusted: T.yuan("1200"),
                              plan: plan ? (1...12).map { MonthlyAmount(month: $0, amount: T.yuan("100")) } : [])
        var result = T.make(lines: [line], payments: paid.map {
            Payment(line: "L1", date: CivilDate(year: year, month: $0.key, day: 10)!, amount: T.yuan($0.value))
        })
        result.year = year
        return result
    }

    private func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("序时进度 counts the days elapsed, leap years included", arguments: [
        ("2022-06-30", 181, 365), ("2024-06-30", 182, 366), ("2022-01-01", 1, 365), ("2022-12-31", 365, 365),
    ])
    func timeProgress(asOf: String, days: Int, of total: Int) {
        let report = Monitor.report(year(paid: [:], year: Int(asOf.prefix(4))!), asOf: date(asOf))
        #expect(report.timeProgress == Rational(Int128(days), Int128(total)))
    }

    @Test func behindTimeIsWarnedOnlyPastTheTolerance() {
        // 2022-03-31: 90/365 = 24.66 % elapsed; with a 10-point tolerance the floor is 14.66 % of 1,200 = 175.89.
        let atFloor = Monitor.report(year(paid: [1: "175.90"]), asOf: date("2022-03-31"))
        #expect(!atFloor.warnings.contains { $0.code == "MONITOR_BEHIND_TIME" })
        let below = Monitor.report(year(paid: [1: "175.80"]), asOf: date("2022-03-31"))
        #expect(below.warnings.filter { $0.code == "MONITOR_BEHIND_TIME" }.compactMap(\.subject)
            == ["budget.lines[0]", "budget"])
    }

    @Test("Sichuan checkpoints apply from the last day of their month", arguments: [
        ("2022-04-29", false), ("2022-04-30", true),
    ])
    func sichuanCheckpoint(asOf: String, warned: Bool) {
        // 24.99 % executed by the end of April, below the 25 % checkpoint.
        let report = Monitor.report(year(paid: [3: "299.88"]), asOf: date(asOf),
                                    rules: MonitoringRules(kind: .sichuan2025))
        #expect(report.warnings.contains { $0.code == "MONITOR_CHECKPOINT" } == warned)
        #expect(!report.warnings.contains { $0.code == "MONITOR_BEHIND_TIME" })
    }

    @Test func theSichuanCheckpointIsMetAtExactly25Percent() {
        let report = Monitor.report(year(paid: [3: "300"]), asOf: date("2022-04-30"),
                                    rules: MonitoringRules(kind: .sichuan2025))
        #expect(!report.warnings.contains { $0.code == "MONITOR_CHECKPOINT" })
    }

    @Test func aLineBehindItsPlanIsWarned() {
        let report = Monitor.report(year(paid: [1: "100", 2: "100", 3: "100", 4: "100", 5: "100", 6: "100"]),
                                    asOf: date("2022-06-30"))
        #expect(!report.warnings.contains { $0.code == "MONITOR_BEHIND_PLAN" })
        let late = Monitor.report(year(paid: [1: "100", 2: "100", 3: "100"]), asOf: date("2022-06-30"))
        #expect(late.lines[0].planned == T.yuan("600"))
        #expect(late.warnings.contains { $0.code == "MONITOR_BEHIND_PLAN" })
    }

    @Test func theForecastKeepsThePaceAgainstThePlan() {
        // Half the plan paid by June: the rest of the plan is expected at the same half pace.
        let report = Monitor.report(year(paid: [1: "50", 2: "50", 3: "50", 4: "50", 5: "50", 6: "50"]),
                                    asOf: date("2022-06-30"))
        #expect(report.lines[0].projected == T.yuan("600"))
        #expect(report.total.projectedRate == Rational(1, 2))
        #expect(report.projectedBudgetScore == T.r("5"))
        #expect(report.budgetPointsAtRisk == T.r("5"))
        #expect(report.projectedTotal == T.r("95"))
        #expect(report.projectedGrade == "优")
    }

    @Test func withoutAPlanTheForecastExtrapolatesAndStopsAtTheBudget() {
        let linear = Monitor.report(year(paid: [3: "300"], plan: false), asOf: date("2022-06-30"))
        #expect(linear.lines[0].projected == T.yuan("604.97"))  // 300 × 365 / 181
        let ahead = Monitor.report(year(paid: [3: "900"], plan: false), asOf: date("2022-06-30"))
        #expect(ahead.lines[0].projected == T.yuan("1200"))
    }

    @Test func goalsOutOfStepWithMoneyAreWarned() {
        var monitored = year(paid: [1: "100", 2: "100", 3: "100", 4: "100", 5: "100", 6: "100"])
        monitored.indicators[0].measure = Measure(aggregate: .count)
        monitored.indicators[0].actualText = nil
        monitored.indicators[0].targetText = "10"
        monitored.activities = (1...9).map {
            Activity(date: CivilDate(year: 2022, month: 1, day: $0)!, title: "讲座", kind: "讲座")
        }
        let report = Monitor.report(monitored, asOf: date("2022-06-30"))
        #expect(report.goalProgress == T.r("0.9"))
        #expect(report.warnings.contains { $0.code == "MONITOR_GOAL_MONEY_GAP" })
        #expect(report.indicators.first?.projected == Rational(9) / Rational(181, 365))
    }

    @Test func withoutAPlanLastYearsProfileIsFollowed() {
        // Last year paid a quarter of the line by the end of June: 300 of 1,200.
        var profiled = year(paid: [3: "300"], plan: false)
        profiled.budgetLines[0].lastYear = (1...12).map { MonthlyAmount(month: $0, amount: T.yuan($0 <= 6 ? "50" : "150")) }
        let onPace = Monitor.report(profiled, asOf: date("2022-06-30"))
        #expect(onPace.lines[0].method == .lastYear)
        #expect(onPace.lines[0].projected == T.yuan("1200"))  // 300 + 900 at full pace; linear would say 604.97
        profiled.payments[0].amount = T.yuan("150")
        let halfPace = Monitor.report(profiled, asOf: date("2022-06-30"))
        #expect(halfPace.lines[0].projected == T.yuan("600"))  // 150 + 900 × (150 / 300)
        // On 29 June June's share is not yet due: five months of last year, 250.
        let beforeMonthEnd = Monitor.report(profiled, asOf: date("2022-06-29"))
        #expect(beforeMonthEnd.lines[0].projected == T.yuan("720"))  // 150 + 950 × (150 / 250)
    }

    @Test func reportedProgressOverridesTheMeasureAndItsLikelihoodIsKept() {
        var monitored = year(paid: [1: "600"])
        monitored.indicators[0].progress = [
            IndicatorProgress(asOf: date("2022-03-31"), actualText: "2"),
            IndicatorProgress(asOf: date("2022-06-30"), actualText: "4", projectedText: "8", likelihood: .possible,
                              cause: .funding, remedy: "追加经费"),
        ]
        let march = Monitor.report(monitored, asOf: date("2022-05-31"))
        let early = try! #require(march.indicators.first { $0.id == "a" })
        #expect(early.source == .reported && early.asOf == date("2022-03-31") && early.soFar == "2")
        #expect(early.projected == Rational(2) / Rational(90, 365))  // linear from 31 March: 8.11 of 10
        #expect(early.likelihood == .possible && early.likelihoodJudged)  // 8.11 / 10 scores 81 % of the weight
        // On 31 December the indicator's year-end actual (10) is final: no projection, nothing at risk.
        let december = Monitor.report(monitored, asOf: date("2022-12-31"))
        #expect(!december.indicators.contains { $0.id == "a" } && !december.warnings.contains { $0.subject == "indicators[0]" })
        let june = Monitor.report(monitored, asOf: date("2022-07-01"))
        let reported = try! #require(june.indicators.first { $0.id == "a" })
        #expect(reported.projected == 8 && reported.likelihood == .possible && !reported.likelihoodJudged)
        #expect(reported.projectedScore == 40)  // 50 × 8 / 10
        let warning = try! #require(june.warnings.first { $0.code == "MONITOR_INDICATOR_AT_RISK" })
        #expect(warning.subject == "indicators[0]" && warning.measure == "追加经费")
        #expect(warning.evidence == ["偏差原因：经费保障", "改进措施：追加经费"])
    }

    @Test func aQualitativeIndicatorIsProjectedByItsReportedLikelihood() {
        var monitored = year(paid: [1: "600"])
        monitored.indicators[1] = T.indicator("b", level1: "效益指标", level2: "社会效益指标", nature: .qualitative,
                                              target: "明显提升", unit: "", weight: "30", actual: nil, grade: .achieved)
        monitored.indicators[1].progress = [IndicatorProgress(asOf: date("2022-06-30"), actualText: "试点中",
                                                              likelihood: .impossible, cause: .other, remedy: "调整方案")]
        let report = Monitor.report(monitored, asOf: date("2022-06-30"))
        let projection = try! #require(report.indicators.first { $0.id == "b" })
        #expect(projection.projected == nil && projection.projectedScore == T.r("18"))  // failed band top: 0.6 × 30
        #expect(report.warnings.first { $0.code == "MONITOR_INDICATOR_AT_RISK" }?.severity == .high)
    }
}

