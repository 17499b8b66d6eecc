import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// A year's payments one at a time: listed in pages, added, changed and removed, every change audited and guarded
/// by the row's version so two people never silently overwrite each other.
public struct PaymentRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// A page of payments and the totals of everything the filter matches.
    public struct Page: Sendable {
        public let rows: [Stored<Payment>]
        public let matching: Int
        public let total: Money
    }

    /// What a list is narrowed to: a line, the lines of a project, a month — any of them together.
    public struct Filter: Sendable, Equatable {
        public var line: String?
        /// Only payments on these lines (a project's); an empty set matches nothing.
        public var lines: Set<String>?
        public var month: Int?

        public init(line: String? = nil, lines: Set<String>? = nil, month: Int? = nil) {
            self.line = line
            self.lines = lines
            self.month = month
        }
    }

    /// A change that lost a race: the row was changed or removed since the form was opened.
    public struct Conflict: Error, Equatable {
        public let id: UUID
    }

    /// Pages beyond this are empty whatever is asked (no offset can overflow).
    public static let maximumPage = 100_000_000
    /// The largest page size.
    public static let maximumSize = 500

    /// One page of the payments the filter matches, in date order, with the count and total of all of them. SQL
    /// of its own: PostgreSQL sums `bigint` as `numeric`, so the total is cast back to an integer of fen. A page or
    /// size outside 1…``maximumPage`` or 1…``maximumSize`` is taken as the nearest allowed.
    public func page(yearID: UUID, year: Int, filter: Filter, page: Int, size: Int) async throws -> Page {
        let sql = database as! any SQLDatabase
        let size = min(max(1, size), Self.maximumSize)
        let offset = (min(max(1, page), Self.maximumPage) - 1) * size
        func matching(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
            var select = select.from(PaymentModel.schema).where("year_id", .equal, SQLBind(yearID))
            if let line = filter.line { select = select.where("line_code", .equal, SQLBind(line)) }
            if let lines = filter.lines {
                select = lines.isEmpty ? select.where(SQLRaw("1 = 0"))
                    : select.where("line_code", .in, SQLBind.group(lines.sorted()))
            }
            if let month = filter.month {
                let prefix = String(format: "%04d-%02d-", year, month)
                select = select.where("date", .greaterThanOrEqual, SQLBind(prefix + "01"))
                    .where("date", .lessThanOrEqual, SQLBind(prefix + "31"))
            }
            return select
        }
        let totals = try await matching(sql.select()
            .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "matching")
            .column(SQLRaw("CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT)"), as: "total")).first()
        let rows = try await matching(sql.select().column("*"))
            .orderBy("date").orderBy("position")
            .limit(size).offset(offset)
            .all().map { try Self.stored(try $0.decode(fluentModel: PaymentModel.self)) }
        return Page(rows: rows, matching: Int(try totals?.decode(column: "matching", as: Int64.self) ?? 0),
                    total: Money(fen: try totals?.decode(column: "total", as: Int64.self) ?? 0))
    }

    /// The payment `id` of the year, or nil when the year has none.
    public func find(_ id: UUID, yearID: UUID) async throws -> Stored<Payment>? {
        try await row(id, yearID: yearID).map(Self.stored)
    }

    func row(_ id: UUID, yearID: UUID) async throws -> PaymentModel? {
        try await PaymentModel.query(on: database).filter(\.$id == id).filter(\.$fiscalYear.$id == yearID).first()
    }

    /// Adds a payment at the end of the year's payments.
    @discardableResult
    public func create(_ payment: Payment, yearID: UUID, subject: String, actor: AuditActor) async throws -> UUID {
        try await YearChange.commit(claiming: yearID, kind: .payments, actor: actor, on: database) { database in
            let last = try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                .sort(\.$position, .descending).first()
            let model = PaymentModel()
            model.$fiscalYear.id = yearID
            model.organisationID = try await YearRows.owner(of: yearID, on: database)
            model.position = (last?.position ?? -1) + 1
            try PaymentRepository.fill(model, from: payment)
            model.version = 1
            try await model.create(on: database)
            try await PaymentDays.change(adding: [payment], yearID: yearID, organisationID: model.organisationID,
                                         on: database)
            return .init(try model.requireID(), yearID: yearID,
                         audit: .init(action: "payment.create", subject: subject, after: PaymentRepository.describe(payment)))
        }
    }

    /// Changes a payment if it is still at `version`; otherwise throws ``Conflict``.
    public func update(_ id: UUID, yearID: UUID, version: Int, to payment: Payment, subject: String,
                       actor: AuditActor) async throws {
        try await YearChange.commit(claiming: yearID, kind: .payments, actor: actor, on: database) { database in
            guard let before = try await PaymentRepository(database: database).row(id, yearID: yearID) else {
                throw Conflict(id: id)
            }
            let sql = database as! any SQLDatabase
            let changed = try await sql.update(PaymentModel.schema)
                .set("line_code", to: SQLBind(payment.line)).set("date", to: SQLBind(payment.date.description))
                .set("amount_fen", to: SQLBind(try payment.amount.column())).set("payee", to: SQLBind(payment.payee))
                .set("voucher", to: SQLBind(payment.voucher)).set("memo", to: SQLBind(payment.memo))
                .set("version", to: SQLBind(version + 1))
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
                .returning("id").all()
            guard !changed.isEmpty else { throw Conflict(id: id) }
            try await PaymentDays.change(removing: [PaymentRepository.payment(before)], adding: [payment], yearID: yearID,
                                         organisationID: before.organisationID, on: database)
            return .init((), yearID: yearID, audit: .init(
                action: "payment.update", subject: subject,
                before: PaymentRepository.describe(PaymentRepository.payment(before)),
                after: PaymentRepository.describe(payment)))
        }
    }

    /// Removes a payment if it is still at `version`; otherwise throws ``Conflict``.
    public func delete(_ id: UUID, yearID: UUID, version: Int, subject: String, actor: AuditActor) async throws {
        try await YearChange.commit(claiming: yearID, kind: .payments, actor: actor, on: database) { database in
            guard let before = try await PaymentRepository(database: database).row(id, yearID: yearID) else {
                throw Conflict(id: id)
            }
            let sql = database as! any SQLDatabase
            let removed = try await sql.delete(from: PaymentModel.schema)
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
                .returning("id").all()
            guard !removed.isEmpty else { throw Conflict(id: id) }
            try await PaymentDays.change(removing: [PaymentRepository.payment(before)], yearID: yearID,
                                         organisationID: before.organisationID, on: database)
            return .init((), yearID: yearID, audit: .init(
                action: "payment.delete", subject: subject,
                before: PaymentRepository.describe(PaymentRepository.payment(before))))
        }
    }

    /// The stored row as the engine's value with its id and version.
    static func stored(_ model: PaymentModel) throws -> Stored<Payment> {
        Stored(id: try model.requireID(), version: model.version, value: payment(model))
    }

    /// The stored row as the engine's value.
    static func payment(_ model: PaymentModel) -> Payment {
        Payment(line: model.lineCode, date: CivilDate(iso: model.date) ?? CivilDate(year: 2000, month: 1, day: 1)!,
                amount: Money(fen: model.amountFen), payee: model.payee, voucher: model.voucher, memo: model.memo)
    }

    static func fill(_ model: PaymentModel, from payment: Payment) throws {
        model.lineCode = payment.line
        model.date = payment.date.description
        model.amountFen = try payment.amount.column()
        model.payee = payment.payee
        model.voucher = payment.voucher
        model.memo = payment.memo
    }

    /// The payment as the audit log records it: the bundle's JSON for one payment, in yuan.
    static func describe(_ payment: Payment) -> String {
        BundleWriter.payment(payment, unit: .yuan).serialized()
    }
}
