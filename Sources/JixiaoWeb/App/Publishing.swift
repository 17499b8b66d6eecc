import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport
import JixiaoStore
import Vapor

/// What the publish step keeps of a department-year: its report as HTML, Word (公文) and the Excel score table,
/// the PDF when LibreOffice is installed, the score table as CSV, and the bundle they were all made from.
enum Publishing {
    /// The documents of `year` with its annexes (the bureau's re-check, earlier 整改 items, the evidence list);
    /// `pdf` prints the report as PDF, or gives nil (LibreOffice missing, the demo).
    static func documents(for year: DepartmentYear, annexes: StoredReport.Annexes,
                          pdf: (ReportDocument) async -> Data?) async throws -> Publications.Documents {
        let evaluation = Evaluator.evaluate(year)
        let report = StoredReport.build(year, evaluation: evaluation, annexes: annexes)
        let docx = try DocxRenderer.render(report)
        return Publications.Documents(
            bundle: BundleWriter.encode(year).serialized() + "\n", html: HTMLRenderer.render(report), docx: docx,
            xlsx: try XlsxRenderer.render(report), pdf: await pdf(report),
            scoreCSV: scoreCSV(year, evaluation, recheck: annexes.recheck))
    }

    /// The documents (with the re-check of a department drawn and re-scored), the PDF converted by LibreOffice off
    /// the event loop when it is installed.
    static func documents(for year: DepartmentYear, organisationID: UUID,
                          on request: Request) async throws -> Publications.Documents {
        let recheckYear = try await RecheckYear.load(year.year, on: request.db)
        var annex: Recheck?
        if recheckYear.member(year.department.code) != nil {
            let recheck = try await RecheckPage.comparison(of: year, organisationID: organisationID, in: recheckYear,
                                                           on: request.db).comparison
            annex = recheck.hasRescores ? recheck : nil
        }
        return try await documents(for: year, annexes: try await .load(of: year, recheck: annex, on: request.db)) { report in
            let pdf = try? await request.application.threadPool.runIfActive { try OfficialPDF().render(report) }
            if pdf == nil { request.logger.warning("publishing \(year.department.code)/\(year.year) without a PDF") }
            return pdf
        }
    }

    /// 自评表 as CSV: the budget line, each indicator with its target, actual, weight and score, the total; with a
    /// re-check, the bureau's score and reason beside each.
    static func scoreCSV(_ year: DepartmentYear, _ evaluation: Evaluation, recheck: Recheck?) -> String {
        let rounding = year.template.rounding
        var writer = CSVWriter()
        func append(_ cells: [String], item: String?) {
            guard let recheck else { return writer.append(cells) }
            let row = item.flatMap { item in recheck.rows.first { $0.item == item } }
            writer.append(cells + [row.map { rounding.format($0.finalScore) } ?? "", row?.rescore?.reason ?? ""])
        }
        writer.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
            + (recheck == nil ? [] : ["复核得分", "复核说明"]))
        append(["预算执行率", "", "", "100%", evaluation.budget.rate?.percentString(places: 2) ?? "—",
                rounding.format(evaluation.budget.weight), rounding.format(evaluation.budget.score)],
               item: Recheck.budgetItem)
        for indicator in year.indicators {
            guard let score = evaluation.score(of: indicator.id) else { continue }
            append([indicator.level1, indicator.level2, indicator.name,
                    [indicator.targetText, indicator.unit].filter { !$0.isEmpty }.joined(separator: " "),
                    indicator.actualText ?? score.actual.map { rounding.format($0) } ?? "",
                    rounding.format(indicator.weight), rounding.format(score.score)], item: indicator.id)
        }
        writer.append(["总分", "", "", "", "", "100", rounding.format(evaluation.total)]
            + (recheck.map { [rounding.format($0.recheckTotal), ""] } ?? []))
        writer.append(["自评等级", "", "", "", "", "", evaluation.grade] + (recheck.map { [$0.recheckGrade, ""] } ?? []))
        return writer.text
    }
}
