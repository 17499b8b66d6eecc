import JixiaoCore
import JixiaoReport
import Testing

/// 以前年度问题整改情况: the annex counts earlier items by status and the late ones, lists each with its result, and
/// is left out when there is nothing to account for.
@Suite struct RectificationAnnexTests {
    @Test func earlierItemsAreCountedAndListed() throws {
        let done = Rectification(findingCode: "PLAN_BEHIND", subject: "budget", problem: "支付慢于计划", measure: "按月调度",
                                 owner: "财务科", deadline: CivilDate(year: 2023, month: 6, day: 30)!, status: .done,
                                 progress: "已建立月度支付台账")
        let late = Rectification(findingCode: "TARGET_NOT_ASSESSABLE", subject: "indicators[3]", problem: "满意度目标无法考核",
                                 measure: "写明计算公式", owner: "办公室", deadline: CivilDate(year: 2023, month: 3, day: 31)!,
                                 status: .inProgress)
        let blocks = RectificationAnnex.blocks([.init(year: 2022, number: 2, rectification: late),
                                                .init(year: 2022, number: 1, rectification: done)],
                                               date: CivilDate(year: 2023, month: 12, day: 1)!)
        #expect(blocks.count == 4 && blocks[1] == .heading(level: 1, text: "附件：以前年度问题整改情况"))
        #expect(blocks[2] == .paragraph("以前年度评价发现的问题列入整改 2 项，截至 2023 年 12 月 1 日，已整改 1 项、整改中 1 项、"
            + "未整改 0 项，其中 1 项已超过整改期限。"))
        guard case .table(let table) = blocks[3] else { Issue.record("no table"); return }
        #expect(table.rows.map { $0.map(\.text) } == [
            ["序号", "问题", "整改措施", "责任人", "整改期限", "状态", "整改结果"],
            ["2022-1", "支付慢于计划", "按月调度", "财务科", "2023 年 6 月 30 日", "已整改", "已建立月度支付台账"],
            ["2022-2", "满意度目标无法考核", "写明计算公式", "办公室", "2023 年 3 月 31 日", "整改中（已逾期）", "—"],
        ])
        #expect(RectificationAnnex.blocks([], date: CivilDate(year: 2023, month: 12, day: 1)!).isEmpty)
    }
}
