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
        try await keep(try await YearRepository.load(fiscal, payments: .dailyTotals, on: database), yearID: yearID,
                       organisationID: fiscal.organisationID, on: database)
    }

    /// Recomputes and stores the evaluation of the fiscal year `yearID` just written from `year` (an import): the
    /// year as the store now holds it, its payments folded into days' totals as they are stored — what reading it
    /// back would give, without reading it back.
    static func refresh(_ year: DepartmentYear, yearID: UUID, organisationID: UUID,
                        on database: any Database) async throws {
        try await keep(asStored(year), yearID: yearID, organisationID: organisationID, on: database)
    }

    /// `year` as the store gives it back once written (``YearRepository/PaymentDetail/dailyTotals``): its payments
    /// folded into days' totals.
    static func asStored(_ year: DepartmentYear) -> DepartmentYear {
        var tally = PaymentDays.Tally()
        tally.add(year.payments)
        var stored = year
        stored.payments = tally.payments
        return stored
    }

    private static func keep(_ year: DepartmentYear, yearID: UUID, organisationID: UUID,
                             on database: any Database) async throws {
        let inputs = ScoringInputs(year)
        let evaluation = Evaluator.evaluate(inputs, template: year.template)
        let findings = FindingsEngine.findings(year, evaluation: evaluation)
        let snapshot = try await EvaluationModel.query(on: database).filter(\.$fiscalYear.$id == yearID).first()
            ?? EvaluationModel()
        snapshot.$fiscalYear.id = yearID
        snapshot.organisationID = organisationID
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
            yearID: yearID, organisationID: organisationID, year: year.year)
    }
}
