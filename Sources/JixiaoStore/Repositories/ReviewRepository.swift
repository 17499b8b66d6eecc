import Fluent
import Foundation
import JixiaoCore

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
        public var updatedAt: Date?

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
        public var grade: TargetGrade?
        public var at: Date
    }

    /// Both rounds of a department-year.
    public func statuses(organisationID: UUID, year: Int) async throws -> [ReviewRound: Status] {
        var statuses = Dictionary(uniqueKeysWithValues: ReviewRound.allCases.map { ($0, Status.drafting) })
        for row in try await ReviewRoundModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).all() {
            guard let round = ReviewRound(rawValue: row.round), let state = ReviewState(rawValue: row.state) else { continue }
            statuses[round] = Status(state: state, grade: row.grade.flatMap(TargetGrade.init(rawValue:)),
                                     returnReason: state == .drafting ? row.reason : "", updatedAt: row.updatedAt)
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
                             reason: row.reason, grade: row.grade.flatMap(TargetGrade.init(rawValue:)), at: row.at)
            }
    }

    /// Takes a step on a round of the year `fiscal`: the machine's rules, then — for a submission — the target
    /// check's blocking faults, all in the year's change transaction, audited as `review.ROUND.ACTION`.
    @discardableResult
    /// Publishing stores `publication` as the year's next version, in the same transaction.
    public func step(_ action: ReviewAction, round: ReviewRound, by party: ReviewParty, reason: String,
                     grade: TargetGrade?, organisation: OrganisationModel, fiscal: FiscalYearModel,
                     publication: Publications.Documents? = nil, actor: AuditActor) async throws -> ReviewState {
        let yearID = try fiscal.requireID()
        let organisationID = try organisation.requireID()
        let subject = "\(organisation.code)/\(fiscal.year)"
        let (code, year) = (organisation.code, fiscal.year)
        return try await YearChange.commit(claiming: yearID, kind: .review, actor: actor, on: database) { database in
            let stored = try await ReviewRoundModel.query(on: database).filter(\.$organisation.$id == organisationID)
                .filter(\.$year == year).filter(\.$round == round.rawValue).first()
            let from = stored.flatMap { ReviewState(rawValue: $0.state) } ?? .drafting
            let to = try ReviewMachine.next(round, from: from, action: action, by: party, reason: reason, grade: grade)
            if action == .submit, let loaded = try await YearRepository(database: database).load(code: code, year: year) {
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
            let row = stored ?? ReviewRoundModel()
            row.$organisation.id = organisationID
            row.year = year
            row.round = round.rawValue
            row.state = to.rawValue
            // A grade belongs to approved targets only: it goes with a return, a new submission or a withdrawal.
            row.grade = round == .targets && to == .approved ? grade?.rawValue : nil
            row.reason = action == .return ? reason : ""
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
            event.grade = grade?.rawValue
            event.at = now
            try await event.create(on: database)
            return .init(to, yearID: yearID, audit: .init(
                action: "review.\(round.rawValue).\(action.rawValue)", subject: subject,
                before: from.rawValue, after: [to.rawValue, published.map { "version \($0)" } ?? "", grade?.rawValue ?? "", reason]
                    .filter { !$0.isEmpty }.joined(separator: " ")))
        }
    }
}
