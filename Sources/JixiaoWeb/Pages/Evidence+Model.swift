import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// 佐证材料: the records a file can back, by kind, for the upload form; and each stored file with what it backs,
/// its size, digest and uploader, and where to download or remove it.
struct EvidenceModel {
    struct Group {
        let kind: String
        let subjects: [(key: String, label: String)]
    }

    struct Row {
        /// What the file backs, in words (`绩效指标：i1 …`).
        let subject: String
        /// Whether the year no longer has that record.
        let orphaned: Bool
        let name: String
        let download: String
        let remove: String
        let size: String
        let digest: String
        let uploaded: String
    }

    let code: String
    let name: String
    let year: Int
    let groups: [Group]
    let rows: [Row]
    let mayChange: Bool

    init(_ year: DepartmentYear, entries: [EvidenceRepository.Entry], mayChange: Bool) {
        let (code, number) = (year.department.code, year.year)
        let subjects = EvidenceSubject.all(in: year)
        let known = Set(subjects.map(\.storedKey))
        self.code = code
        name = year.department.name
        self.year = number
        groups = EvidenceSubject.Kind.allCases.map { kind in
            Group(kind: kind.chinese, subjects: subjects.filter { $0.kind == kind }.map { ($0.storedKey, $0.label) })
        }
        rows = entries.map { entry in
            Row(subject: EvidenceSubject.label(of: entry.subject, in: subjects), orphaned: !known.contains(entry.subject),
                name: entry.name, download: SiteURL.evidenceFile(code: code, year: number, id: entry.id).path,
                remove: SiteURL.evidenceDelete(code: code, year: number, id: entry.id).path,
                size: ClerkFormats.fileSize(entry.size), digest: String(entry.sha256.prefix(12)) + "…",
                uploaded: "\(entry.uploadedBy) \(ChinaCalendar.timestamp(entry.uploadedAt))")
        }
        self.mayChange = mayChange
    }
}
