import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport
import JixiaoStore

/// The report of a stored year as downloads and publications make it: the drafted report, then the annexes —
/// the bureau's re-check when there is one to publish, and the list of evidence files.
enum StoredReport {
    /// The report; `linked` adds the score table's links to evidence, records and scoring (a report read in the
    /// system — never a published one, whose readers cannot open the department's pages).
    static func build(_ year: DepartmentYear, evaluation: Evaluation, recheck: Recheck?,
                      evidence: [EvidenceRepository.Entry], linked: Bool = false) -> ReportDocument {
        var report = ReportBuilder.build(year, evaluation: evaluation,
                                         findings: FindingsEngine.findings(year, evaluation: evaluation),
                                         date: ChinaClock.today(),
                                         links: linked ? ScoreSupport.reportLinks(year, evaluation: evaluation,
                                                                                  evidence: evidence) : ReportLinks())
        if let recheck { report.blocks += RecheckAnnex.blocks(recheck, places: year.template.rounding.places) }
        let subjects = EvidenceSubject.all(in: year)
        report.blocks += EvidenceAnnex.blocks(evidence.map { entry in
            EvidenceAnnex.Entry(subject: EvidenceSubject.label(of: entry.subject, in: subjects), file: entry.name,
                                sha256: entry.sha256)
        })
        return report
    }

    /// The evidence files of a stored year.
    static func evidence(of year: DepartmentYear, on database: any Database) async throws -> [EvidenceRepository.Entry] {
        guard let organisation = try await YearRepository(database: database).organisation(code: year.department.code)
        else { return [] }
        return try await EvidenceRepository(database: database)
            .entries(organisationID: try organisation.requireID(), year: year.year)
    }
}
