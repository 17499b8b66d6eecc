import Fluent
import Foundation

/// One department's fiscal year: its scalar parts, with the small structured parts (template choice, tasks,
/// narrative, assets) as JSON text in the bundle's own shape. Budget lines, payments, indicators, activities and
/// procurements have tables of their own.
public final class FiscalYearModel: Model, @unchecked Sendable {
    public static let schema = "fiscal_years"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "year") public var year: Int
    /// The bundle's `template` value as JSON text (an id or `{ "base": …, overrides }`).
    @Field(key: "template") public var template: String
    @Field(key: "money_unit") public var moneyUnit: String
    @Field(key: "overview") public var overview: String
    @Field(key: "goal") public var goal: String
    /// JSON array of strings.
    @Field(key: "tasks") public var tasks: String
    /// JSON object by narrative section.
    @Field(key: "narrative") public var narrative: String
    /// JSON object of the bundle's `assets`, or nil.
    @OptionalField(key: "assets") public var assets: String?
    /// Incremented by every change, so concurrent edits are detected.
    @Field(key: "version") public var version: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// A budget line of a fiscal year; its monthly plan as JSON `[{ "month", "amount" }]` in the year's unit.
public final class BudgetLineModel: Model, @unchecked Sendable {
    public static let schema = "budget_lines"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "year_id") public var fiscalYear: FiscalYearModel
    /// The year's department: the column a distributed store shards by (``Distribution``).
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @Field(key: "initial_fen") public var initialFen: Int64
    @Field(key: "adjusted_fen") public var adjustedFen: Int64
    @OptionalField(key: "executed_fen") public var executedFen: Int64?
    @Field(key: "plan") public var plan: String
    /// Last year's payments by month, JSON like `plan`; nil when not known.
    @OptionalField(key: "last_year") public var lastYear: String?
    /// 资金来源 (`fiscal`, `carryover`, `other`); nil reads as 财政拨款.
    @OptionalField(key: "source") public var source: String?
    @Field(key: "version") public var version: Int

    public init() {}
}

/// A payment; the big table (up to 10⁵ a department-year), so every field is a column.
public final class PaymentModel: Model, @unchecked Sendable {
    public static let schema = "payments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "year_id") public var fiscalYear: FiscalYearModel
    /// The year's department: the column a distributed store shards by (``Distribution``).
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "line_code") public var lineCode: String
    /// `YYYY-MM-DD`, which sorts as dates do.
    @Field(key: "date") public var date: String
    @Field(key: "amount_fen") public var amountFen: Int64
    @Field(key: "payee") public var payee: String
    @Field(key: "voucher") public var voucher: String
    @Field(key: "memo") public var memo: String
    @Field(key: "version") public var version: Int

    public init() {}
}

/// A record kept as its bundle JSON object (indicator, activity, procurement), with the columns pages list by.
public final class RecordModel: Model, @unchecked Sendable {
    public static let schema = "records"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "year_id") public var fiscalYear: FiscalYearModel
    /// The year's department: the column a distributed store shards by (``Distribution``).
    @Field(key: "organisation_id") public var organisationID: UUID
    /// `indicator`, `activity` or `procurement`.
    @Field(key: "kind") public var kind: String
    @Field(key: "position") public var position: Int
    /// The record's own key (an indicator's id), or empty.
    @Field(key: "key") public var key: String
    @Field(key: "title") public var title: String
    /// The bundle JSON object of the record.
    @Field(key: "definition") public var definition: String
    /// A work-plan task's due date, status and completion date as columns of their own (``TaskColumns``); nil for
    /// other records.
    @OptionalField(key: "task_due") public var taskDue: String?
    @OptionalField(key: "task_status") public var taskStatus: String?
    @OptionalField(key: "task_completed") public var taskCompleted: String?
    @Field(key: "version") public var version: Int

    public init() {}
}
