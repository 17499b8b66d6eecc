import Fluent

/// Every migration in order. A migration that has landed is never edited: changes come as new migrations.
///
/// Fluent runs the pending ones in this order. A column that the models read is added next to the table it
/// belongs to, before any migration that loads whole years (`CreateRechecks` back-fills snapshots through the
/// models): on a store where only the new column is pending it simply runs, and a store brought forward from an
/// older release has the column before a back-fill reads the rows.
public enum StoreMigrations {
    public static let all: [any Migration] = [
        CreateOrganisations(), AddOrganisationAttributes(), CreateUsers(), CreateFiscalYears(), AddRevisionToFiscalYears(), CreateBudgetLines(), CreatePayments(),
        CreateRecords(), CreateAuditEntries(), CreateEvaluations(), IndexRecordsByYear(),
        AddLastYearToBudgetLines(), AddFundingSourceToBudgetLines(), CreatePaymentDays(), CreatePaymentMonths(),
        CreatePassageGenerations(), CreatePassages(), AddOrganisationToYearData(), AddTaskColumnsToRecords(),
        AddScoringInputs(),
        UniquePositions(), HardenUsers(),
        CreateSignInFailures(), CreateSettings(), KeyAuditTrail(), CreateReviewRounds(), CreateReviewCampaigns(),
        CreatePublications(), CreateRechecks(), CreateTargetAdjustments(), AddReviewRemarks(), CreatePendingImports(),
        CreateEvidence(), CreateResultRules(), CreateRectifications(), KeyByOrganisation(), IndexFiscalYearsByYear(), CreateRecordTables(),
        CreateLinePlanMonths(),
    ]
}
