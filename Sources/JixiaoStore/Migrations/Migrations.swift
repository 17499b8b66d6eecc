import Fluent

/// Every migration in order. A migration that has landed is never edited: changes come as new migrations.
public enum StoreMigrations {
    public static let all: [any Migration] = [
        CreateOrganisations(), CreateUsers(), CreateFiscalYears(), CreateBudgetLines(), CreatePayments(),
        CreateRecords(), CreateAuditEntries(), CreateEvaluations(), IndexRecordsByYear(),
        AddLastYearToBudgetLines(), UniquePositions(), HardenUsers(), CreateSignInFailures(), CreateSettings(),
        KeyAuditTrail(), CreateReviewRounds(), CreateReviewCampaigns(), CreatePublications(),
        CreateRechecks(), CreateTargetAdjustments(), AddReviewRemarks(), CreatePendingImports(),
        CreateEvidence(),
    ]
}
