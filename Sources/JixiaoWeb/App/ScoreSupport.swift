import JixiaoCore
import JixiaoReport
import JixiaoStore

/// What stands behind an indicator's score: the activity records its actual value was counted from (a work-plan
/// measure's tasks are on the work plan page), and the
/// evidence files attached to the indicator and to those records. The evaluation page lists them; the HTML report's
/// score table links to them.
struct ScoreSupport {
    /// The activities counted, in the year's order.
    let activities: [Activity]
    let files: [EvidenceRepository.Entry]

    /// The support of `indicator`'s `score` in `year`, its files taken from `files` (by subject's stored key).
    init(_ indicator: Indicator, _ score: IndicatorScore, in year: DepartmentYear,
         files: [String: [EvidenceRepository.Entry]]) {
        var subjects = [EvidenceSubject.indicator(indicator).storedKey]
        if case .measured(let indices)? = score.actualSource, indicator.measure?.source == .activities {
            activities = indices.map { year.activities[$0] }
            subjects += activities.map { EvidenceSubject.activity($0).storedKey }
        } else {
            activities = []
        }
        self.files = subjects.flatMap { files[$0] ?? [] }
    }

    /// The links of a stored year's score table: the budget's execution to the payments and the scoring, each
    /// indicator's actual value to its evidence files, its records and its scoring.
    static func reportLinks(_ year: DepartmentYear, evaluation: Evaluation,
                            evidence: [EvidenceRepository.Entry]) -> ReportLinks {
        typealias Link = Table.Cell.Link
        let (code, number) = (year.department.code, year.year)
        let files = Dictionary(grouping: evidence, by: \.subject)
        let scoring = SiteURL.evaluation(code: code, year: number).path
        var indicators: [String: [Link]] = [:]
        for (indicator, score) in zip(year.indicators, evaluation.indicators) {
            let support = ScoreSupport(indicator, score, in: year, files: files)
            indicators[indicator.id] = support.files.map { file in
                Link("佐证：\(file.name)", href: SiteURL.evidenceFile(code: code, year: number, id: file.id).path)
            } + (support.activities.isEmpty ? [] : [
                Link("活动记录 \(support.activities.count) 条",
                     href: SiteURL.records(code: code, year: number, kind: "activities").path),
            ]) + [Link("评分依据", href: scoring + "#indicator-\(indicator.id)")]
        }
        return ReportLinks(budget: [Link("支付明细", href: SiteURL.payments(code: code, year: number).path),
                                    Link("评分依据", href: scoring)],
                           indicators: indicators)
    }
}
