import JixiaoCore

/// 财政自评复核结果: what a published self-evaluation adds when the finance bureau re-checked it — a page after the
/// score table with the totals, grades and every item's self-score beside the bureau's re-score and its reason.
public enum RecheckAnnex {
    /// The annex's blocks, scores with the year's rounding places.
    public static func blocks(_ recheck: Recheck, places: Int) -> [ReportDocument.Block] {
        let summary = "经财政部门抽取复核，复核得分 \(recheck.recheckTotal.formatted(places: places)) 分，"
            + "等级“\(recheck.recheckGrade)”；部门自评得分 \(recheck.selfTotal.formatted(places: places)) 分，"
            + "等级“\(recheck.selfGrade)”；相差 \(signed(recheck.difference, places: places)) 分。"
        var rows: [[Table.Cell]] = [[.header("指标"), .header("分值"), .header("自评得分"), .header("复核得分"),
                                     .header("差异"), .header("复核说明")]]
        for row in recheck.rows {
            rows.append([Table.Cell(row.label), .number(row.weight, places: places),
                         .number(row.selfScore, places: places), .number(row.finalScore, places: places),
                         .number(row.rescore == nil ? "—" : signed(row.difference, places: places)),
                         Table.Cell(row.rescore?.reason ?? "未调整")])
        }
        rows.append([.header("总分"), .number(recheck.rows.map(\.weight).sum(), places: places),
                     .number(recheck.selfTotal, places: places), .number(recheck.recheckTotal, places: places),
                     .number(signed(recheck.difference, places: places)),
                     Table.Cell("自评等级“\(recheck.selfGrade)”，复核等级“\(recheck.recheckGrade)”")])
        return [.pageBreak, .heading(level: 1, text: "附件：财政自评复核结果"), .paragraph(summary),
                .table(Table(caption: "财政自评复核结果表", columnWidths: [5, 1, 1, 1, 1, 5], headerRowCount: 1,
                             rows: rows))]
    }

    private static func signed(_ value: Rational, places: Int) -> String {
        (value > .zero ? "+" : "") + value.formatted(places: places)
    }
}
