import JixiaoCore

/// 以前年度问题整改情况: what a report adds when earlier years' findings were made 整改 items — last year's items
/// whatever their state and older ones still open, with a sentence counting them by status and the late ones.
public enum RectificationAnnex {
    /// One 整改 item of an earlier year.
    public struct Entry: Sendable, Hashable {
        public var year: Int
        public var number: Int
        public var rectification: Rectification

        public init(year: Int, number: Int, rectification: Rectification) {
            self.year = year
            self.number = number
            self.rectification = rectification
        }
    }

    /// The annex's blocks for a report dated `date`; none without items.
    public static func blocks(_ entries: [Entry], date: CivilDate) -> [ReportDocument.Block] {
        guard !entries.isEmpty else { return [] }
        let sorted = entries.sorted { ($0.year, $0.number) < ($1.year, $1.number) }
        let count = { (status: Rectification.Status) in sorted.filter { $0.rectification.status == status }.count }
        let late = sorted.filter { $0.rectification.isOverdue(on: date) }.count
        var summary = "以前年度评价发现的问题列入整改 \(sorted.count) 项，截至 \(date.chinese)，已整改 \(count(.done)) 项、"
            + "整改中 \(count(.inProgress)) 项、未整改 \(count(.open)) 项"
        summary += late > 0 ? "，其中 \(late) 项已超过整改期限。" : "。"
        var rows: [[Table.Cell]] = [["序号", "问题", "整改措施", "责任人", "整改期限", "状态", "整改结果"]
            .map { .header($0) }]
        for entry in sorted {
            let item = entry.rectification
            let state = item.isOverdue(on: date) ? "\(item.status.chinese)（已逾期）" : item.status.chinese
            rows.append(["\(entry.year)-\(entry.number)", item.problem, item.measure, item.owner, item.deadline.chinese,
                         state, item.progress.isEmpty ? "—" : item.progress].map { Table.Cell($0) })
        }
        return [.pageBreak, .heading(level: 1, text: "附件：以前年度问题整改情况"), .paragraph(summary),
                .table(Table(caption: "以前年度问题整改情况表", columnWidths: [2, 5, 5, 2, 2, 2, 4], headerRowCount: 1,
                             rows: rows))]
    }
}
