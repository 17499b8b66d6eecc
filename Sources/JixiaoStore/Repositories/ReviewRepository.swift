import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// The review rounds of department-years: where each stands, its history, and the steps — each one audited change
/// through ``YearChange``, refused when the party or the state does not allow it.
public struct ReviewRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// Where a round stands (a round never touched is drafting).
    public struct Status: Sendable, Equatable {
        public var state: ReviewState
        public var grade: TargetGrade?
        /// The reason of the last return, while the round is back in drafting.
        public var returnReason: String
        /// The last return's notes pointed at parts of the year, while the round is back in drafting.
        public var remarks: [ReviewRemark]
        public var updatedAt: Date?

        public init(state: ReviewState, grade: TargetGrade?, returnReason: String, remarks: [ReviewRemark] = [],
                    updatedAt: Date?) {
            self.state = state
            self.grade = grade
            self.returnReason = returnReason
            self.remarks = remarks
            self.updatedAt = updatedAt
        }

        /// A round's status as stored in its row.
        init?(_ row: ReviewRoundModel) {
            self.init(state: row.state, grade: row.grade, reason: row.reason, remarks: row.remarks,
                      updatedAt: row.updatedAt)
        }

        /// A round's status from its row's columns: a reason and remarks count only while it is returned.
        init?(state: String, grade: String?, reason: String, remarks: String, updatedAt: Date) {
            guard let state = ReviewState(rawValue: state) else { return nil }
            let returned = state == .drafting
            self.init(state: state, grade: grade.flatMap(TargetGrade.init(rawValue:)),
                      returnReason: returned ? reason : "", remarks: returned ? ReviewRemark.decode(remarks) : [],
                      updatedAt: updatedAt)
        }

        public static let drafting = Status(state: .drafting, grade: nil, returnReason: "", updatedAt: nil)
    }

    /// A step taken, for the round's history.
    public struct Event: Sendable, Equatable {
        public var round: ReviewRound
        public var action: ReviewAction
        public var from: ReviewState
        public var to: ReviewState
        public var actor: String
        public var role: String
        public var reason: String
        public var remarks: [ReviewRemark]
        public var grade: TargetGrade?
        public var at: Date
    }

    /// Both rounds of a department-year.
    public func statuses(organisationID: UUID, year: Int) async throws -> [ReviewRound: Status] {
        try await statuses(year: year) { $0.where(SQLColumn("organisation_id", table: "r"), .equal, SQLBind(organisationID)) }
    }

    /// Both rounds of department `code`'s `year` (every round drafting when the department is unknown): one query,
    /// for the pages that show a returned round's notes.
    public func statuses(code: String, year: Int) async throws -> [ReviewRound: Status] {
        try await statuses(year: year) { select in
            select.joiningOrganisation(of: "r")
                .where(SQLColumn("code", table: "o"), .equal, SQLBind(code))
        }
    }

    /// The rounds of `year` that `narrow` selects (from `review_rounds` as `r`), read in SQL as plain values.
    private func statuses(year: Int, _ narrow: (SQLSelectBuilder) -> SQLSelectBuilder) async throws
        -> [ReviewRound: Status] {
        var statuses = Dictionary(uniqueKeysWithValues: ReviewRound.allCases.map { ($0, Status.drafting) })
        let select = (database as! any SQLDatabase).select()
            .columns(["round", "state", "grade", "reason", "remarks", "updated_at"].map { SQLColumn($0, table: "r") })
            .from(SQLAlias(SQLIdentifier(ReviewRoundModel.schema), as: SQLIdentifier("r")))
            .where(SQLColumn("year", table: "r"), .equal, SQLBind(year))
        for row in try await narrow(select).all() {
            guard let round = ReviewRound(rawValue: try row.decode(column: "round", as: String.self)),
                  let status = Status(state: try row.decode(column: "state", as: String.self),
                                      grade: try row.decode(column: "grade", as: String?.self),
                                      reason: try row.decode(column: "reason", as: String.self),
                                      remarks: try row.decode(column: "remarks", as: String.self),
                                      updatedAt: try row.decode(column: "updated_at", as: Date.self)) else { continue }
            statuses[round] = status
        }
        return statuses
    }

    /// The states of the rounds of the year whose row is `yearID` (for the change path's lock).
    static func states(yearID: UUID, on database: any Database) async throws -> [ReviewRound: ReviewState] {
        guard let fiscal = try await FiscalYearModel.find(yearID, on: database) else { return [:] }
        return try await ReviewRepository(database: database)
            .statuses(organisationID: fiscal.$organisation.id, year: fiscal.year).mapValues(\.state)
    }

    /// Every step taken on a department-year, oldest first.
    public func history(organisationID: UUID, year: Int) async throws -> [Event] {
        try await ReviewEventModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).sort(\.$at).all().compactMap { row in
                guard let round = ReviewRound(rawValue: row.round), let action = ReviewAction(rawValue: row.action),
                      let from = ReviewState(rawValue: row.fromState), let to = ReviewState(rawValue: row.toState)
                else { return nil }
                return Event(round: round, action: action, from: from, to: to, actor: row.actor, role: row.role,
                             reason: row.reason, remarks: ReviewRemark.decode(row.remarks),
                             grade: row.grade.flatMap(TargetGrade.init(rawValue:)), at: row.at)
            }
    }

    /// Takes a step on a round of the year `fiscal`: the machine's rules, then — for a submission — the target
    /// check's blocking faults, all in the year's change transaction, audited as `review.ROUND.ACTION`.
    @discardableResult
    /// Publishing stores `publication` as the year's next version, in the same transaction. A return may point
    /// `remarks` at the parts of the year they concern.
    public func step(_ action: ReviewAction, round: ReviewRound, by party: ReviewParty, reason: String,
                     remarks: [ReviewRemark] = [], grade: TargetGrade?, organisation: StoredOrganisation, fiscal: StoredYear,
                     publication: Publications.Documents? = nil, actor: AuditActor) async throws -> ReviewState {
        let yearID = fiscal.id
        let organisationID = organisation.id
        let subject = "\(organisation.code)/\(fiscal.year)"
        let (code, year) = (organisation.code, fiscal.year)
        return try await YearChange.commit(claiming: yearID, kind: .review, actor: actor, on: database) { database in
            let stored = try await ReviewRoundModel.query(on: database).filter(\.$organisation.$id == organisationID)
                .filter(\.$year == year).filter(\.$round == round.rawValue).first()
            let from = stored.flatMap { ReviewState(rawValue: $0.state) } ?? .drafting
            let to = try ReviewMachine.next(round, from: from, action: action, by: party, reason: reason, grade: grade)
            if action == .submit, let loaded = try await YearRepository(database: database).load(code: code, year: year, payments: .dailyTotals) {
                let faults = FindingsEngine.blockingTargetFindings(loaded).map(\.message)
                guard faults.isEmpty else {
                    throw ReviewRefusal("目标设定有 \(faults.count) 处严重问题，改正后才能送审：", faults: faults)
                }
            }
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            var published: Int?
            if action == .publish {
                guard let publication else { throw ReviewRefusal("公开需要生成的报告文件。") }
                published = try await Publications.add(publication, organisationID: organisationID, year: year, at: now,
                                                       on: database)
            }
            if round == .targets, to == .approved,
               let loaded = try await YearRepository(database: database).load(code: code, year: year, payments: .dailyTotals) {
                try await TargetAdjustments.recordApproval(of: loaded, organisationID: organisationID, grade: grade,
                                                           actor: actor, at: now, on: database)
            }
            let row = stored ?? ReviewRoundModel()
            row.$organisation.id = organisationID
            row.year = year
            row.round = round.rawValue
            row.state = to.rawValue
            // A grade belongs to approved targets only: it goes with a return, a new submission or a withdrawal.
            row.grade = round == .targets && to == .approved ? grade?.rawValue : nil
            row.reason = action == .return ? reason : ""
            let pointed = action == .return ? ReviewRemark.encode(remarks) : "[]"
            row.remarks = pointed
            row.updatedAt = now
            try await row.save(on: database)
            let event = ReviewEventModel()
            event.$organisation.id = organisationID
            event.year = year
            event.round = round.rawValue
            event.action = action.rawValue
            event.fromState = from.rawValue
            event.toState = to.rawValue
            event.actor = actor.name
            event.role = actor.role
            event.reason = reason
            event.remarks = pointed
            event.grade = grade?.rawValue
            event.at = now
            try await event.create(on: database)
            return .init(to, yearID: yearID, audit: .init(
                action: "review.\(round.rawValue).\(action.rawValue)", subject: subject,
                before: from.rawValue, after: [to.rawValue, published.map { "version \($0)" } ?? "", grade?.rawValue ?? "", reason,
                               action == .return && !remarks.isEmpty ? pointed : ""]
                    .filter { !$0.isEmpty }.joined(separator: " ")))
        }
    }
}

extension ReviewRemark {
    /// Notes as stored: `[{section, indicator, note}]`.
    static func encode(_ remarks: [ReviewRemark]) -> String {
        JSONValue.array(remarks.map { remark in
            .object(["section": .string(remark.section.rawValue), "indicator": remark.indicator.map(JSONValue.string) ?? .null,
                     "note": .string(remark.note)])
        }).serialized()
    }

    /// Stored notes; entries that do not read are left out.
    static func decode(_ text: String) -> [ReviewRemark] {
        guard case .array(let entries)? = try? JSONParser.parse(Data(text.utf8)) else { return [] }
        return entries.compactMap { entry in
            guard let section = entry["section"]?.string.flatMap(Section.init(rawValue:)),
                  let note = entry["note"]?.string else { return nil }
            return ReviewRemark(section: section, indicator: entry["indicator"]?.string, note: note)
        }
    }
}
