@testable import JixiaoCore
import Testing

/// What replacing a year would change, in a clerk's words.
@Suite struct YearDiffTests {
    @Test func nothingChangedSaysNothing() {
        let year = TestYear.make()
        #expect(YearDiff.changes(from: year, to: year).isEmpty)
    }

    @Test func eachPartSaysWhatChanged() {
        let old = TestYear.make(payments: [Payment(line: "L1", date: TestYear.date("2022-03-01"), amount: TestYear.yuan("60"),
                                                   payee: "甲", voucher: "1")])
        var new = old
        new.budgetLines.append(BudgetLine(code: "L2", name: "新项目", kind: .project, initial: TestYear.yuan("0"),
                                          adjusted: TestYear.yuan("20")))
        new.budgetLines[0].adjusted = TestYear.yuan("120")
        new.payments.append(Payment(line: "L2", date: TestYear.date("2022-04-01"), amount: TestYear.yuan("15.5"),
                                    payee: "乙", voucher: "2"))
        new.indicators[0].targetText = "12"
        new.indicators[1].actualText = "9"
        new.indicators.remove(at: 2)
        new.goal = "新目标"
        let changes = YearDiff.changes(from: old, to: new)
        #expect(changes.map(\.part) == ["基本情况", "预算项目", "预算项目", "支付", "绩效指标", "绩效指标", "绩效指标"])
        let texts = changes.map(\.text)
        #expect(texts.contains("L1 项目：调整后预算 100.00 → 120.00 元"))
        #expect(texts.contains("新增 L2 新项目（调整后预算 20.00 元）"))
        #expect(texts.contains("1 笔 合计 60.00 元 → 2 笔 合计 75.50 元"))
        #expect(texts.contains("删除 c 指标c"))
        #expect(texts.contains("a 指标a：目标 ≥ 10 场（50 分） → ≥ 12 场（50 分）"))
        #expect(texts.contains("b 指标b：实际完成值 10 → 9"))
    }

    @Test func aReorderedTreeIsNamedAsSuch() {
        let old = TestYear.make()
        var new = old
        new.indicators.swapAt(0, 1)
        #expect(YearDiff.changes(from: old, to: new).map(\.text) == ["指标的顺序有调整"])
    }
}
