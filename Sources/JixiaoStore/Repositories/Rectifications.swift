import Fluent
import Foundation
import JixiaoCore
import SQLKit

/// 整改 items: made from findings (one per finding of a department-year), changed by the department or the bureau,
/// listed for a year or a department, and carried into later years until done. Every change is audited.
public struct Rectifications: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// A stored item with the department and year it belongs to.
    public struct Item: Sendable, Equatable {
        public var code: String
        public var name: String
        public var year: Int
        /// 1, 2, … within the department-year.
        public var number: Int
        public var rectification: Rectification
        public var updatedBy: String
        public var updatedAt: Date
    }

    /// Why a change was not made, in words for the person who asked.
    public struct Refusal: Error, Equatable {
        public let message: String
    }

    /// Makes an item of a finding of `code`'s `year`; refuses a second item for the same finding. Its number.
    @discardableResult
    public func add(_ item: Rectification, code: String, year: Int, actor: AuditActor) async throws -> Int {
        guard let organisation = try await YearRepository(database: database).organisation(code: code) else {
            throw Refusal(message: "没有编码为 \(code) 的部门。")
        }
        let organisationID = organisation.id
        return try await LostRace.retrying {
            try await database.transaction { database in
                let same = RectificationModel.query(on: database).filter(\.$organisation.$id == organisationID)
                    .filter(\.$year == year)
                if let existing = try await same.copy().filter(\.$findingCode == item.findingCode)
                    .filter(\.$subject == (item.subject ?? "")).first() {
                    throw Refusal(message: "这个问题已列为第 \(existing.number) 项整改事项。")
                }
                let row = RectificationModel()
                row.$organisation.id = organisationID
                row.year = year
                row.number = (try await same.copy().max(\.$number) ?? 0) + 1
                row.findingCode = item.findingCode
                row.subject = item.subject ?? ""
                row.createdBy = actor.name
                Self.fill(row, with: item, actor: actor)
                try await row.create(on: database)
                try await AuditLog.append(on: database, actor: actor, action: "rectification.add",
                                          subject: "\(code)/\(year)#\(row.number)", after: Self.summary(item))
                return row.number
            }
        }
    }

    /// Changes an item's owner, deadline, status and progress.
    public func update(code: String, year: Int, number: Int, owner: String, deadline: CivilDate,
                       status: Rectification.Status, progress: String, actor: AuditActor) async throws {
        try await database.transaction { database in
            guard let row = try await RectificationModel.query(on: database).join(parent: \.$organisation)
                .filter(OrganisationModel.self, \.$code == code).filter(\.$year == year).filter(\.$number == number)
                .first() else { throw Refusal(message: "没有这项整改事项。") }
            let before = Self.summary(Self.rectification(row))
            var item = Self.rectification(row)
            (item.owner, item.deadline, item.status, item.progress) = (owner, deadline, status, progress)
            Self.fill(row, with: item, actor: actor)
            try await row.save(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "rectification.update",
                                      subject: "\(code)/\(year)#\(number)", before: before, after: Self.summary(item))
        }
    }

    /// The items of one year (every year when nil) and one department (every one when nil) with the given status
    /// (any when nil), by department code, year and number; only those at `range` of that order when given (a page).
    public func items(year: Int? = nil, organisation: String? = nil, status: Rectification.Status? = nil,
                      range: Range<Int>? = nil) async throws -> [Item] {
        let columns = ["year", "number", "finding_code", "subject", "problem", "measure", "owner", "deadline", "status",
                       "progress", "updated_by", "updated_at"].map { SQLColumn($0, table: "r") }
            + [SQLColumn("code", table: "o"), SQLColumn("name", table: "o")]
        let query = filtered(columns, year: year, organisation: organisation, status: status)
            .orderBy(SQLColumn("code", table: "o")).orderBy(SQLColumn("year", table: "r"))
            .orderBy(SQLColumn("number", table: "r"))
        if let range { query.offset(range.lowerBound).limit(range.count) }
        return try await query.all().map { row in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            let year = try row.decode(column: "year", as: Int.self)
            return Item(code: try text("code"), name: try text("name"), year: year,
                        number: try row.decode(column: "number", as: Int.self),
                        rectification: Self.rectification(
                            findingCode: try text("finding_code"), subject: try text("subject"),
                            problem: try text("problem"), measure: try text("measure"), owner: try text("owner"),
                            deadline: try text("deadline"), status: try text("status"), progress: try text("progress"),
                            year: year),
                        updatedBy: try text("updated_by"), updatedAt: try row.decode(column: "updated_at", as: Date.self))
        }
    }

    /// How many items a filter selects, by status, and how many of them are late on a day.
    public struct Tally: Sendable, Equatable {
        public var byStatus: [Rectification.Status: Int]
        public var overdue: Int
        public var total: Int { byStatus.values.reduce(0, +) }
    }

    /// The tally of the items ``items(year:organisation:status:range:)`` selects, counted by the database.
    public func tally(year: Int? = nil, organisation: String? = nil, status: Rectification.Status? = nil,
                      today: CivilDate) async throws -> Tally {
        var tally = Tally(byStatus: Dictionary(uniqueKeysWithValues: Rectification.Status.allCases
            .filter { status == nil || status == $0 }.map { ($0, 0) }), overdue: 0)
        let count = SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n"))
        for row in try await filtered([SQLColumn("status", table: "r"), count], year: year, organisation: organisation,
                                      status: status).groupBy(SQLColumn("status", table: "r")).all() {
            if let kind = Rectification.Status(rawValue: try row.decode(column: "status", as: String.self)) {
                tally.byStatus[kind] = try row.decode(column: "n", as: Int.self)
            }
        }
        // Deadlines are ISO dates, so text order is date order.
        tally.overdue = try await filtered([count], year: year, organisation: organisation, status: status)
            .where(SQLColumn("status", table: "r"), .notEqual, SQLBind(Rectification.Status.done.rawValue))
            .where(SQLColumn("deadline", table: "r"), .lessThan, SQLBind(today.description))
            .first()?.decode(column: "n", as: Int.self) ?? 0
        return tally
    }

    /// `columns` of the items a filter selects (`r`), with their departments (`o`).
    private func filtered(_ columns: [any SQLExpression], year: Int?, organisation: String?,
                          status: Rectification.Status?) -> SQLSelectBuilder {
        let query = (database as! any SQLDatabase).select().columns(columns)
            .from(SQLAlias(SQLIdentifier(RectificationModel.schema), as: SQLIdentifier("r")))
            .joiningOrganisation(of: "r")
        if let year { query.where(SQLColumn("year", table: "r"), .equal, SQLBind(year)) }
        if let status { query.where(SQLColumn("status", table: "r"), .equal, SQLBind(status.rawValue)) }
        if let organisation { query.where(SQLColumn("code", table: "o"), .equal, SQLBind(organisation)) }
        return query
    }

    /// The items of years before `year` that are not done: what that year's pages follow.
    public static func carried(_ items: [Item], into year: Int) -> [Item] {
        items.filter { $0.year < year && $0.rectification.status != .done }
    }

    /// What the report of `year` accounts for: last year's items whatever their state, older ones not yet done.
    public static func followed(_ items: [Item], into year: Int) -> [Item] {
        items.filter { $0.year == year - 1 || ($0.year < year && $0.rectification.status != .done) }
    }

    private static func fill(_ row: RectificationModel, with item: Rectification, actor: AuditActor) {
        row.problem = item.problem
        row.measure = item.measure
        row.owner = item.owner
        row.deadline = item.deadline.description
        row.status = item.status.rawValue
        row.progress = item.progress
        row.updatedBy = actor.name
        row.updatedAt = Date()
    }

    private static func rectification(_ row: RectificationModel) -> Rectification {
        rectification(findingCode: row.findingCode, subject: row.subject, problem: row.problem, measure: row.measure,
                      owner: row.owner, deadline: row.deadline, status: row.status, progress: row.progress,
                      year: row.year)
    }

    /// An item as its row stores it: no subject is empty text, a deadline that does not read is the year's end.
    private static func rectification(findingCode: String, subject: String, problem: String, measure: String,
                                      owner: String, deadline: String, status: String, progress: String, year: Int)
        -> Rectification {
        Rectification(findingCode: findingCode, subject: subject.isEmpty ? nil : subject, problem: problem,
                      measure: measure, owner: owner,
                      deadline: CivilDate(iso: deadline) ?? CivilDate(year: year, month: 12, day: 31)!,
                      status: Rectification.Status(rawValue: status) ?? .open, progress: progress)
    }

    /// How the audit trail records an item.
    private static func summary(_ item: Rectification) -> String {
        "\(item.findingCode) \(item.status.rawValue) \(item.deadline) \(item.owner)｜\(item.progress)"
    }
}
