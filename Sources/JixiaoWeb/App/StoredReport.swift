import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport
import JixiaoStore

/// The report of a stored year as downloads and publications make it: the drafted report, then the annexes —
/// the bureau's re-check when there is one to publish, earlier years' 整改 items, and the list of evidence files.
enum StoredReport {
    /// What a stored year's report adds after the drafted text.
    struct Annexes {
        var recheck: Recheck?
        var evidence: [EvidenceRepository.Entry]
        /// Earlier years' 整改 items the report accounts for (``Rectifications/followed(_:into:)``).
        var rectifications: [Rectifications.Item]

        /// The year's evidence files and the 整改 items it follows, from the store.
        static func load(of year: DepartmentYear, recheck: Recheck? = nil, on database: StoreDatabase) async throws -> Annexes {
            Annexes(recheck: recheck, evidence: try await StoredReport.evidence(of: year, on: database),
                    rectifications: Rectifications.followed(
                        try await Rectifications(database: database).items(organisation: year.department.code),
                        into: year.year))
        }
    }

    /// The report; `linked` adds the score table's links to evidence, records and scoring (a report read in the
    /// system — never a published one, whose readers cannot open the department's pages).
    static func build(_ year: DepartmentYear, evaluation: Evaluation, annexes: Annexes, linked: Bool = false) -> ReportDocument {
        let today = ChinaClock.today()
        var report = ReportBuilder.build(year, evaluation: evaluation,
                                         findings: FindingsEngine.findings(year, evaluation: evaluation),
                                         date: today,
                                         links: linked ? ScoreSupport.reportLinks(year, evaluation: evaluation,
                                                                                  evidence: annexes.evidence) : ReportLinks())
        if let recheck = annexes.recheck {
            report.blocks += RecheckAnnex.blocks(recheck, places: year.template.rounding.places)
        }
        report.blocks += RectificationAnnex.blocks(annexes.rectifications.map { item in
            RectificationAnnex.Entry(year: item.year, number: item.number, rectification: item.rectification)
        }, date: today)
        let subjects = EvidenceSubject.all(in: year)
        report.blocks += EvidenceAnnex.blocks(annexes.evidence.map { entry in
            EvidenceAnnex.Entry(subject: EvidenceSubject.label(of: entry.subject, in: subjects), file: entry.name,
                                sha256: entry.sha256)
        })
        return report
    }

    /// The evidence files of a stored year.
    static func evidence(of year: DepartmentYear, on database: StoreDatabase) async throws -> [EvidenceRepository.Entry] {
        guard let organisation = try await YearRepository(database: database).organisation(code: year.department.code)
        else { return [] }
        return try await EvidenceRepository(database: database)
            .entries(organisationID: organisation.id, year: year.year)
    }
}
