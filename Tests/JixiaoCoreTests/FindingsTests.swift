import Testing
@testable import JixiaoCore

@Suite struct FindingsTests {
    typealias T = TestYear

    @Test func aCleanYearHasNoFindings() {
        #expect(T.findings(T.make()).isEmpty)
    }

    @Test func vagueTargetsAreFlagged() {
        let year = T.make(indicators: [
            T.indicator("a", target: "较多", weight: "20"),
            T.indicator("b", nature: .qualitative, target: "稳步推进", weight: "15", actual: nil, grade: .achieved),
            T.indicator("c", level2: "质量指标", unit: "", weight: "15"),
            T.indicator("d", level1: "效益指标", level2: "社会效益指标", unit: "期", weight: "30"),
            T.indicator("e", level1: "满意度指标", unit: "%", weight: "10"),
        ])
        let findings = T.findings(year)
        #expect(findings.filter { $0.code == "TARGET_NO_NUMBER" }.compactMap(\.subject) == ["indicators[0]",
                                                                                           "indicators[1]"])
        #expect(findings.filter { $0.code == "TARGET_NO_UNIT" }.compactMap(\.subject) == ["indicators[2]"])
        #expect(findings.filter { $0.code == "TARGET_OUTPUT_AS_BENEFIT" }.compactMap(\.subject) == ["indicators[3]"])
        #expect(findings.allSatisfy { !$0.message.isEmpty && !$0.measure.isEmpty })
    }

    @Test func weightsThatMissTheFrameworkAreFlaggedPerLevel() {
        let year = T.make(indicators: [T.indicator("a", weight: "45"),
                                       T.indicator("b", level1: "效益指标", weight: "30")])
        let findings = T.findings(year).filter { $0.code == "TARGET_WEIGHTS" }
        #expect(findings.count == 2)
        #expect(findings[0].message.contains("产出指标") && findings[0].message.contains("45"))
        #expect(findings[1].message.contains("满意度指标"))
    }

    @Test func aShortfallNeedsADeviationExplanation() {
        let unexplained = T.make(indicators: [T.indicator("a", actual: "9"),
                                              T.assessable(T.indicator("b", level1: "效益指标", unit: "%", weight: "30")),
                                              T.assessable(T.indicator("c", level1: "满意度指标", unit: "%", weight: "10"))])
        #expect(T.codes(unexplained) == ["RESULT_BELOW_TARGET_UNEXPLAINED"])
        var explained = unexplained
        explained.indicators[0].deviation = "受天气影响，两场活动取消。"
        #expect(T.codes(explained).isEmpty)
    }

    @Test func missingActualsAndOverridesAreReported() {
        var year = T.make()
        year.indicators[0].actualText = nil
        year.indicators[1].manualScore = ManualScore(score: T.r("30"), reason: "核实")
        #expect(T.codes(year) == ["INDICATOR_NOT_ASSESSED", "SCORE_OVERRIDDEN"])
    }

    @Test("execution below 90 % is a finding, 90 % is not", arguments: [("90.00", false), ("89.99", true)])
    func lowExecution(executed: String, flagged: Bool) {
        let line = BudgetLine(code: "L1", name: "项目", kind: .project, initial: T.yuan("100"), adjusted: T.yuan("100"),
                              declaredExecuted: T.yuan(executed))
        #expect(T.codes(T.make(lines: [line])).contains("EXECUTION_LOW") == flagged)
    }

    @Test func overspendingAndDisagreeingFiguresAreFlagged() {
        let line = BudgetLine(code: "L1", name: "项目", kind: .project, initial: T.yuan("100"), adjusted: T.yuan("100"),
                              declaredExecuted: T.yuan("101"))
        let payments = [Payment(line: "L1", date: T.date("2022-06-01"), amount: T.yuan("100"))]
        let codes = T.codes(T.make(lines: [line], payments: payments))
        #expect(codes.contains("LINE_OVERSPENT"))
        #expect(codes.contains("EXECUTED_MISMATCH"))
    }

    private func spread(_ amounts: [Int: String]) -> DepartmentYear {
        let total = amounts.values.map { T.yuan($0) }.sum()
        let line = BudgetLine(code: "L1", name: "项目", kind: .project, initial: total, adjusted: total)
        let payments = amounts.map { Payment(line: "L1", date: CivilDate(year: 2022, month: $0.key, day: 10)!,
                                             amount: T.yuan($0.value)) }
        return T.make(lines: [line], payments: payments)
    }

    @Test func spendingPiledIntoTheYearEnd() {
        #expect(!T.codes(spread([3: "60", 10: "40"])).contains("SPENDING_Q4_PILED"))
        #expect(T.codes(spread([3: "59.99", 10: "40.01"])).contains("SPENDING_Q4_PILED"))
        #expect(!T.codes(spread([3: "75", 12: "25"])).contains("SPENDING_DECEMBER_PILED"))
        #expect(T.codes(spread([3: "74.99", 12: "25.01"])).contains("SPENDING_DECEMBER_PILED"))
    }

    @Test func linesThatRunBehindOrAheadOfTheirPlan() {
        func year(paid: [Int: String]) -> DepartmentYear {
            let plan = [MonthlyAmount(month: 3, amount: T.yuan("50")), MonthlyAmount(month: 9, amount: T.yuan("50"))]
            let line = BudgetLine(code: "L1", name: "项目", kind: .project, initial: T.yuan("100"),
                                  adjusted: T.yuan("100"), plan: plan)
            let payments = paid.map { Payment(line: "L1", date: CivilDate(year: 2022, month: $0.key, day: 1)!,
                                              amount: T.yuan($0.value)) }
            return T.make(lines: [line], payments: payments)
        }
        #expect(!T.codes(year(paid: [3: "40", 9: "60"])).contains("PLAN_BEHIND"))
        let behind = T.findings(year(paid: [3: "39.99", 9: "60.01"])).first { $0.code == "PLAN_BEHIND" }
        #expect(behind?.message.contains("3 月末") == true)
        #expect(T.codes(year(paid: [1: "70", 9: "30"])).contains("PLAN_AHEAD"))
    }

    private func procurement(intent: String = "2022-01-01", started: String = "2022-01-31",
                             awarded: String = "2022-03-01", signed: String = "2022-03-31",
                             published: String = "2022-04-04", filed: String = "2022-04-11") -> DepartmentYear {
        T.make(procurements: [Procurement(name: "设备", amount: T.yuan("10"), intentPublished: T.date(intent),
                                          started: T.date(started), awarded: T.date(awarded),
                                          contractSigned: T.date(signed), contractPublished: T.date(published),
                                          contractFiled: T.date(filed))])
    }

    @Test func procurementDeadlinesAtTheirBoundaries() {
        // 2022-03-31 is a Thursday: 2 working days end Monday 04-04, 7 end Monday 04-11.
        #expect(T.codes(procurement()).isEmpty)
        #expect(T.codes(procurement(started: "2022-01-30")) == ["PROCUREMENT_INTENT_LATE"])
        #expect(T.codes(procurement(signed: "2022-04-01", published: "2022-04-05", filed: "2022-04-12"))
            == ["PROCUREMENT_SIGNING_LATE"])
        #expect(T.codes(procurement(published: "2022-04-05")) == ["PROCUREMENT_PUBLICATION_LATE"])
        #expect(T.codes(procurement(filed: "2022-04-12")) == ["PROCUREMENT_FILING_LATE"])
        // A contract published before it was signed is a wrong date, not a deadline kept in 0 working days.
        let reversed = procurement(published: "2022-03-07")
        #expect(T.codes(reversed) == ["PROCUREMENT_DATES_REVERSED"])
        #expect(FindingsEngine.findings(reversed, evaluation: Evaluator.evaluate(reversed)).first?.message
            == "采购项目“设备”的合同公告日期（2022-03-07）早于合同签订日期（2022-03-31），日期有误。")
        #expect(T.codes(procurement(started: "2021-12-20")) == ["PROCUREMENT_DATES_REVERSED"])
    }

    @Test func eachDeadlineIsKeptBrokenOrOpen() {
        let procurement = Procurement(name: "设备", amount: T.yuan("10"), intentPublished: T.date("2022-01-01"),
                                      started: T.date("2022-01-20"), awarded: T.date("2022-03-01"),
                                      contractSigned: T.date("2022-03-31"), contractPublished: T.date("2022-04-04"))
        let checks = ProcurementDeadlines.check(procurement, calendar: .weekdaysOnly, thresholds: FindingThresholds())
        #expect(checks.map(\.status) == [.broken, .kept, .kept, .open])
        #expect(checks.map(\.elapsed) == [19, 30, 2, nil])
        #expect(checks.map(\.unit) == ["天", "天", "个工作日", "个工作日"])
    }

    @Test func assetsMustAddUpAndBeStatedAtYearEnd() {
        let right = Assets(asOf: T.date("2022-12-31"), current: T.yuan("22200"), nonCurrent: T.yuan("1794400"),
                           declaredTotal: T.yuan("1816600"))
        #expect(T.codes(T.make(assets: right)).isEmpty)
        var wrong = right
        wrong.declaredTotal = T.yuan("1816600.01")
        wrong.asOf = T.date("2022-11-30")
        #expect(T.codes(T.make(assets: wrong)) == ["ASSETS_MISMATCH", "ASSETS_NOT_YEAR_END"])
        // A gap under 0.01 万元 is shown in 元, where it can be seen; a larger one in 万元.
        let message = T.findings(T.make(assets: wrong)).first { $0.code == "ASSETS_MISMATCH" }?.message ?? ""
        #expect(message == "资产总额填报 1816600.01 元，流动资产 22200.00 元与非流动资产 1794400.00 元合计为 1816600.00 元，两者不一致。")
        wrong.declaredTotal = T.yuan("1816700")
        #expect(T.findings(T.make(assets: wrong)).first { $0.code == "ASSETS_MISMATCH" }?.message
            .hasPrefix("资产总额填报 181.67 万元，流动资产 2.22 万元") == true)
    }

    @Test func findingsComeMostSevereFirst() {
        var year = T.make(assets: Assets(asOf: T.date("2022-06-30"), current: .zero, nonCurrent: .zero,
                                         declaredTotal: T.yuan("1")))
        year.indicators[0].unit = ""
        let severities = T.findings(year).map(\.severity)
        #expect(severities == severities.sorted())
        #expect(severities.first == .high && severities.last == .low)
    }
}
