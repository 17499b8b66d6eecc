/// 佐证材料目录: the files a department attached to its indicators, activities, procurements and tasks, listed after
/// the score table so a reader can ask for any of them by name and check it by its SHA-256.
public enum EvidenceAnnex {
    /// One file.
    public struct Entry: Sendable, Hashable {
        public var subject: String
        public var file: String
        public var sha256: String

        public init(subject: String, file: String, sha256: String) {
            self.subject = subject
            self.file = file
            self.sha256 = sha256
        }
    }

    /// The annex's blocks; none without files.
    public static func blocks(_ entries: [Entry]) -> [ReportDocument.Block] {
        guard !entries.isEmpty else { return [] }
        var rows: [[Table.Cell]] = [[.header("序号"), .header("佐证对象"), .header("文件"), .header("SHA-256（前 16 位）")]]
        for (index, entry) in entries.enumerated() {
            rows.append([Table.Cell(String(index + 1), alignment: .center), Table.Cell(entry.subject),
                         Table.Cell(entry.file), Table.Cell(String(entry.sha256.prefix(16)))])
        }
        return [.heading(level: 1, text: "附件：佐证材料目录"),
                .table(Table(caption: "佐证材料目录", columnWidths: [1, 5, 5, 3], headerRowCount: 1, rows: rows))]
    }
}
