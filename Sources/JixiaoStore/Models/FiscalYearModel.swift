import Fluent
import Foundation

/// One department's fiscal year: its scalar parts, with the small structured parts (template choice, key tasks,
/// narrative) as JSON text in the bundle's own shape and its assets as columns (``AssetColumns``). Budget lines,
/// payments and records have tables of their own.
final class FiscalYearModel: Model, @unchecked Sendable {
    static let schema = "fiscal_years"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    /// The bundle's `template` value as JSON text (an id or `{ "base": …, overrides }`).
    @Field(key: "template") var template: String
    @Field(key: "money_unit") var moneyUnit: String
    @Field(key: "overview") var overview: String
    @Field(key: "goal") var goal: String
    /// JSON array of strings.
    @Field(key: "tasks") var tasks: String
    /// JSON object by narrative section.
    @Field(key: "narrative") var narrative: String
    /// Incremented by every change, so concurrent edits are detected.
    @Field(key: "version") var version: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A budget line of a fiscal year; its monthly plan as JSON `[{ "month", "amount" }]` in the year's unit (and as rows,
/// ``LinePlanMonths``, for the sums of a province).
final class BudgetLineModel: Model, @unchecked Sendable {
    static let schema = "budget_lines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "year_id") var fiscalYear: FiscalYearModel
    /// The year's department: the column a distributed store shards by (``Distribution``).
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "initial_fen") var initialFen: Int64
    @Field(key: "adjusted_fen") var adjustedFen: Int64
    @OptionalField(key: "executed_fen") var executedFen: Int64?
    @Field(key: "plan") var plan: String
    /// Last year's payments by month, JSON like `plan`; nil when not known.
    @OptionalField(key: "last_year") var lastYear: String?
    /// 资金来源 (`fiscal`, `carryover`, `other`); nil reads as 财政拨款.
    @OptionalField(key: "source") var source: String?
    @Field(key: "version") var version: Int

    init() {}
}

/// A payment; the big table (up to 10⁵ a department-year), so every field is a column.
final class PaymentModel: Model, @unchecked Sendable {
    static let schema = "payments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "year_id") var fiscalYear: FiscalYearModel
    /// The year's department: the column a distributed store shards by (``Distribution``).
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "line_code") var lineCode: String
    /// `YYYY-MM-DD`, which sorts as dates do.
    @Field(key: "date") var date: String
    @Field(key: "amount_fen") var amountFen: Int64
    @Field(key: "payee") var payee: String
    @Field(key: "voucher") var voucher: String
    @Field(key: "memo") var memo: String
    @Field(key: "version") var version: Int

    init() {}
}

/// A record of a year (an indicator, a work-plan task, an activity, a procurement, a project): its identity, order
/// and version, and the columns pages list by. Its fields are in the kind's own tables (``RecordTables``), a
/// project's in its bundle JSON.
final class RecordModel: Model, @unchecked Sendable {
    static let schema = "records"

    @ID(key: .id) var id: UUID?
    @Parent(key: "year_id") var fiscalYear: FiscalYearModel
    /// The year's department: the column a distributed store shards by (``Distribution``).
    @Field(key: "organisation_id") var organisationID: UUID
    /// `indicator`, `task`, `activity`, `procurement` or `project`.
    @Field(key: "kind") var kind: String
    @Field(key: "position") var position: Int
    /// The record's own key (an indicator's id), or empty.
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    /// A project's bundle JSON object; empty for the kinds with tables of their own.
    @Field(key: "definition") var definition: String
    /// A work-plan task's due date, status and completion date as columns of their own (``TaskColumns``); nil for
    /// other records.
    @OptionalField(key: "task_due") var taskDue: String?
    @OptionalField(key: "task_status") var taskStatus: String?
    @OptionalField(key: "task_completed") var taskCompleted: String?
    @Field(key: "version") var version: Int

    init() {}
}
