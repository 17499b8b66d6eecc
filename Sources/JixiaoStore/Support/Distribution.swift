/// How the store's tables would spread over a distributed PostgreSQL (Citus, sharded by the department): the rules the
/// schema keeps now, so that moving is configuration (docs/operations.md lists the statements).
///
/// - Every table of a department's data carries `organisation_id`, and its primary key and every unique key include
///   it: a shard can then check uniqueness alone.
/// - A key between two such tables includes the organisation on both sides, so both rows live on one shard.
/// - Anything else a department's row points at is a reference table, held whole by every node.
///
/// The organisation is the keys' last column, so the indexes that serve lookups by a row's id or a year's id serve
/// them as before. ``StoreCatalog`` reads the keys a PostgreSQL store has; a test holds every table to these lists.
enum Distribution {
    /// The column the department's data is sharded by.
    static let column = "organisation_id"

    /// The tables of a department's data, to be distributed by `organisation_id` and co-located.
    static let byOrganisation = [
        FiscalYearModel.schema, BudgetLineModel.schema, PaymentModel.schema, PaymentDays.schema,
        PaymentDays.monthSchema, RecordModel.schema, EvaluationModel.schema, PassageFingerprints.passages,
        PassageFingerprints.bands, EvidenceModel.schema, ReviewRoundModel.schema, ReviewEventModel.schema,
        PublicationModel.schema, RecheckModel.schema, RescoreModel.schema, TargetAdjustmentModel.schema,
        TargetHistoryModel.schema, RectificationModel.schema, LinePlanMonths.schema,
    ] + RecordTables.all

    /// The tables every node holds whole (reference tables): the organisations and people, settings, the bureau's
    /// campaigns, rules and spot checks, the audit chain, each year's generation of the province's text, sessions and
    /// uploads waiting to be confirmed.
    static let reference = [
        OrganisationModel.schema, UserModel.schema, TrustedDeviceModel.schema, SignInFailureModel.schema,
        SettingModel.schema, ReviewCampaignModel.schema, SpotCheckModel.schema, ResultRuleModel.schema,
        AuditEntryModel.schema, AuditAnchorModel.schema, PendingImportModel.schema, PassageFingerprints.generations,
        "_fluent_sessions", "_fluent_migrations",
    ]

    /// The tables of a year's data that were keyed by the year alone before ``AddOrganisationToYearData``.
    static let keyedByYear = [
        BudgetLineModel.schema, PaymentModel.schema, RecordModel.schema, EvaluationModel.schema, PaymentDays.schema,
        PaymentDays.monthSchema,
    ]
}
