import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// Keeps each stored year's evaluation current: every change to a year recomputes it inside the change's own
/// transaction, so lists read the score without evaluating hundreds of years, and keeps the fingerprints of its
/// written text (``PassageFingerprints``) with it. The year is read with its days' payment totals, so a change costs
/// the same whether the year holds a hundred payments or a hundred thousand.
public enum EvaluationSnapshots {
    /// Recomputes and stores the evaluation of a fiscal year.
    public static func refresh(yearID: UUID, on database: any Database) async throws {
        guard let fiscal = try await YearRows.FiscalRow.find(id: yearID, on: database) else { return }
        let year = try await YearRepository.load(fiscal, payments: .dailyTotals, on: database)
        let inputs = ScoringInputs(year)
        let evaluation = Evaluator.evaluate(inputs, template: year.template)
        let findings = FindingsEngine.findings(year, evaluation: evaluation)
        let snapshot = try await EvaluationModel.query(on: database).filter(\.$fiscalYear.$id == yearID).first()
            ?? EvaluationModel()
        snapshot.$fiscalYear.id = yearID
        snapshot.organisationID = fiscal.organisationID
        snapshot.total = year.template.rounding.format(evaluation.total)
        snapshot.grade = evaluation.grade
        snapshot.rate = evaluation.budget.rate.map { Rounding(mode: .halfUp, places: 4).format($0) }
        snapshot.findings = findings.filter(\.needsAction).count
        snapshot.unsupported = SpotCheck.unsupportedPoints(evaluation).formatted(places: 4)
        snapshot.inputs = ScoringInputsJSON.encode(inputs).serialized()
        snapshot.result = EvaluationJSON.encode(year, evaluation, findings: findings).serialized()
        snapshot.computedAt = Date()
        try await snapshot.save(on: database)
        try await PassageFingerprints(database: database).keep(
            NearDuplicates.passages(code: year.department.code, name: year.department.name,
                                    overview: year.department.overview, narrative: year.narrative),
            yearID: yearID, organisationID: fiscal.organisationID, year: fiscal.year)
    }
}
