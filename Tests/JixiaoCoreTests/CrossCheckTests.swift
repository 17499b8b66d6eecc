import Testing
@testable import JixiaoCore

/// Self-scores against the department's records and the re-check rubrics' red flags: each check with a case that
/// fires and one that does not.
@Suite struct CrossCheckTests {
    typealias T = TestYear

    @Test func aCostCappedFromBelowIsFlaggedAndACeilingIsNot() {
        var floor = T.indicator("a", level2: "成本指标", unit: "万元", weight: "50")
        #expect(T.codes(T.make(indicators: [floor] + T.make().indicators.dropFirst())).contains("TARGET_COST_AS_FLOOR"))
        floor.direction = .atMost
        #expect(!T.codes(T.make(indicators: [floor] + T.make().indicators.dropFirst())).contains("TARGET_COST_AS_FLOOR"))
    }

    /// A year whose on-time indicator says 100 % and whose work plan of four key-task tasks has one finished late.
    private func onTimeYear(typed: String, late: Bool = true) -> DepartmentYear {
        var year = T.make(indicators: [T.indicator("a", weight: "40"),
                                       T.indicator("t", level2: "时效指标", target: "95", unit: "%", weight: "10",
                                                   actual: typed),
                                       T.assessable(T.indicator("b", level1: "效益指标", level2: "社会效益指标", unit: "%",
                                                                weight: "30")),
                                       T.assessable(T.indicator("c", level1: "满意度指标", level2: "满意度", unit: "%",
                                                                weight: "10"))])
        year.indicators[1].name = "重点任务按期完成率"
        year.workPlan = (1...4).map { number in
            WorkTask(id: "w\(number)", keyTask: 1, title: "任务\(number)", start: T.date("2022-01-01"),
                     due: T.date("2022-06-30"), status: .done,
                     completed: T.date(number == 4 && late ? "2022-08-01" : "2022-06-30"))
        }
        return year
    }

    @Test func anOnTimeRateTypedAboveTheWorkPlansIsContradictedByItsTasks() throws {
        let finding = try #require(T.findings(onTimeYear(typed: "100")).first { $0.code == "SELF_SCORE_CONTRADICTED" })
        #expect(finding.severity == .high && finding.subject == "indicators[1]" && finding.theme == .selfScore)
        #expect(finding.message.contains("填报实际完成值 100%，但工作计划显示按期完成率为 75.00%（3/4 项任务按期完成）"))
        #expect(finding.evidence.contains("任务“任务4”计划 2022-06-30 完成，实际 2022-08-01 完成"))
        // 75 % against the 95 % target: the score the plan supports, per indicator and in total.
        let year = onTimeYear(typed: "100")
        let support = RecordSupport(year, evaluation: Evaluator.evaluate(year))
        let item = try #require(support.item("t"))
        #expect(item.typed == Rational(100) && item.recorded == Rational(75) && item.selfScore == Rational(10))
        #expect(item.supportedScore == Rational(789, 100) && support.difference == item.difference)
        #expect(finding.message.hasSuffix("按记录计分为 7.89 分，比自评少 2.11 分。"))
        #expect(RecordSupport(onTimeYear(typed: "75"), evaluation: Evaluator.evaluate(onTimeYear(typed: "75"))).items.isEmpty)
        // What the plan shows, or a plan kept to the day, is not contradicted.
        #expect(!T.codes(onTimeYear(typed: "75")).contains("SELF_SCORE_CONTRADICTED"))
        #expect(!T.codes(onTimeYear(typed: "100", late: false)).contains("SELF_SCORE_CONTRADICTED"))
        // Without a work plan there is nothing to check it against.
        var planless = onTimeYear(typed: "100")
        planless.workPlan = []
        #expect(!T.codes(planless).contains("SELF_SCORE_CONTRADICTED"))
    }

    @Test func anActualFarBeyondItsTargetNeedsANote() {
        let far = T.make(indicators: [T.indicator("a", actual: "13")] + T.make().indicators.dropFirst())
        #expect(T.codes(far).contains("RESULT_FAR_BEYOND_TARGET"))
        let near = T.make(indicators: [T.indicator("a", actual: "12.9")] + T.make().indicators.dropFirst())
        #expect(!T.codes(near).contains("RESULT_FAR_BEYOND_TARGET"))
        let explained = T.make(indicators: [T.indicator("a", actual: "13", deviation: "新增两个分院，场次随之增加。")]
            + T.make().indicators.dropFirst())
        #expect(!T.codes(explained).contains("RESULT_FAR_BEYOND_TARGET"))
        // A ceiling far undercut counts the same way: 10 allowed, 7 spent.
        let cheap = T.make(indicators: [T.indicator("a", level2: "成本指标", direction: .atMost, unit: "万元", actual: "7")]
            + T.make().indicators.dropFirst())
        #expect(T.codes(cheap).contains("RESULT_FAR_BEYOND_TARGET"))
    }

    @Test func everyIndicatorAtFullMarksIsAFormality() {
        let five = T.make(indicators: [T.indicator("a", weight: "20"), T.indicator("b", weight: "15"),
                                       T.indicator("c", weight: "15"),
                                       T.indicator("d", level1: "效益指标", level2: "社会效益指标", unit: "%", weight: "30"),
                                       T.indicator("e", level1: "满意度指标", level2: "满意度", unit: "%", weight: "10")])
        #expect(T.codes(five).contains("SELF_SCORE_ALL_FULL"))
        // Three indicators are too few to tell; one short of full marks is not a formality.
        #expect(!T.codes(T.make()).contains("SELF_SCORE_ALL_FULL"))
        var short = five
        short.indicators[0].actualText = "9"
        short.indicators[0].deviation = "一场因天气取消。"
        #expect(!T.codes(short).contains("SELF_SCORE_ALL_FULL"))
    }

    @Test func theThresholdsAreSettings() {
        var far = T.make(indicators: [T.indicator("a", actual: "13")] + T.make().indicators.dropFirst())
        #expect(T.codes(far).contains("RESULT_FAR_BEYOND_TARGET"))
        far.checks.farBeyondTarget = Rational(150, 100)
        #expect(!T.codes(far).contains("RESULT_FAR_BEYOND_TARGET"))
        var typed = onTimeYear(typed: "100")
        #expect(T.codes(typed).contains("SELF_SCORE_CONTRADICTED"))
        typed.checks.onTimeRateTolerance = Rational(30)
        #expect(!T.codes(typed).contains("SELF_SCORE_CONTRADICTED"))
    }

    /// A count typed above the activity records of the kind its name names: 12 校园行 typed, 10 recorded this year.
    @Test func aCountTypedAboveTheActivityRecordsIsContradicted() {
        func year(typed: String, measured: Bool = false) -> DepartmentYear {
            var indicator = T.indicator("a", target: "12", unit: "场", weight: "50", actual: measured ? nil : typed)
            indicator.name = "院士专家校园行活动场次"
            if measured { indicator.measure = Measure(aggregate: .count, filter: ["kind": "院士专家校园行"]) }
            let activities = (1...10).map { Activity(date: T.date("2022-0\($0 % 9 + 1)-15"), title: "校园行\($0)", kind: "院士专家校园行") }
                + [Activity(date: T.date("2021-12-01"), title: "上年的一场", kind: "院士专家校园行"),
                   Activity(date: T.date("2022-05-01"), title: "讲坛", kind: "科普讲坛")]
            return T.make(indicators: [indicator] + T.make().indicators.dropFirst(), activities: activities)
        }
        let contradicted = T.findings(year(typed: "12")).filter { $0.code == "SELF_SCORE_CONTRADICTED" }
        #expect(contradicted.count == 1)
        #expect(contradicted.first?.message == "指标“院士专家校园行活动场次”（a）填报实际完成值 12场，但活动记录中“院士专家校园行”只有 10 场。"
            + "按记录计分为 41.67 分，比自评少 8.33 分。")
        #expect(contradicted.first?.evidence.prefix(2) == ["活动记录：“院士专家校园行” 10 条", "自评得分 50.00，按记录计分 41.67"]
            && contradicted.first?.evidence.count == 12)
        #expect(!T.codes(year(typed: "10")).contains("SELF_SCORE_CONTRADICTED"))
        #expect(!T.codes(year(typed: "12", measured: true)).contains("SELF_SCORE_CONTRADICTED"))
    }

    /// A quantitative benefit or satisfaction target needs a formula or a source to be checked; an output, a
    /// qualitative target or a measured one does not.
    @Test func aBenefitTargetWithoutFormulaOrSourceIsNotAssessable() {
        let bare = T.indicator("b", level1: "效益指标", level2: "社会效益指标", unit: "%", weight: "30")
        func codes(_ benefit: Indicator) -> [String] {
            T.codes(T.make(indicators: [T.indicator("a"), benefit, T.make().indicators[2]]))
        }
        #expect(codes(bare) == ["TARGET_NOT_ASSESSABLE"])
        var formula = bare
        formula.formula = "受益人数 ÷ 服务对象总数 × 100%"
        #expect(codes(formula).isEmpty)
        #expect(codes(T.assessable(bare)).isEmpty)
        var qualitative = bare
        (qualitative.nature, qualitative.targetText, qualitative.actualText, qualitative.grade) = (.qualitative, "明显提升", nil, .achieved)
        #expect(!codes(qualitative).contains("TARGET_NOT_ASSESSABLE"))
        let finding = T.findings(T.make(indicators: [T.indicator("a"), bare, T.make().indicators[2]]))[0]
        #expect(finding.message == "指标“指标b”（b）是社会效益指标的定量目标“≥10%”，没有写明计算公式或数据来源，完成值无从核实。")
        #expect(finding.severity == .medium && finding.subject == "indicators[1]")
    }
}

