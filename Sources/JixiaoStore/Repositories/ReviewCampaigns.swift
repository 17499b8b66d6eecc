import Fluent
import Foundation
import JixiaoCore

/// The bureau's review campaigns (each year's due dates) and the rounds across departments that the to-do lists
/// and the reviewer's queue are made from.
public struct ReviewCampaigns: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// A year's due dates.
    public struct Campaign: Sendable, Equatable {
        public var year: Int
        public var targetsDue: CivilDate
        public var evaluationDue: CivilDate

        /// The due date of a round.
        public func due(_ round: ReviewRound) -> CivilDate { round == .targets ? targetsDue : evaluationDue }
    }

    /// Opens (or moves) a year's campaign for every department of that year; audited.
    public func open(year: Int, targetsDue: CivilDate, evaluationDue: CivilDate, actor: AuditActor) async throws {
        try await database.transaction { database in
            let row = try await ReviewCampaignModel.query(on: database).filter(\.$year == year).first()
                ?? ReviewCampaignModel()
            let before = row.id == nil ? "" : "\(row.targetsDue) \(row.evaluationDue)"
            row.year = year
            row.targetsDue = targetsDue.description
            row.evaluationDue = evaluationDue.description
            try await row.save(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "review.campaign", subject: String(year),
                                      before: before, after: "\(targetsDue.description) \(evaluationDue.description)")
        }
    }

    /// Every campaign, by year.
    public func all() async throws -> [Int: Campaign] {
        var campaigns: [Int: Campaign] = [:]
        for row in try await ReviewCampaignModel.query(on: database).all() {
            guard let targets = CivilDate(iso: row.targetsDue), let evaluation = CivilDate(iso: row.evaluationDue)
            else { continue }
            campaigns[row.year] = Campaign(year: row.year, targetsDue: targets, evaluationDue: evaluation)
        }
        return campaigns
    }

    /// A round of one department-year as the lists show it.
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        public var year: Int
        public var round: ReviewRound
        public var status: ReviewRepository.Status
    }

    /// Every round that was ever stepped, of one organisation or of all: rounds never touched are drafting and not
    /// listed (the to-do lists add them from the years held).
    public func rounds(organisationCode: String? = nil) async throws -> [Entry] {
        var query = ReviewRoundModel.query(on: database).with(\.$organisation)
        if let organisationCode {
            guard let organisation = try await YearRepository(database: database).organisation(code: organisationCode)
            else { return [] }
            query = query.filter(\.$organisation.$id == (try organisation.requireID()))
        }
        return try await query.all().compactMap { row in
            guard let round = ReviewRound(rawValue: row.round), let state = ReviewState(rawValue: row.state) else {
                return nil
            }
            return Entry(code: row.organisation.code, name: row.organisation.name, year: row.year, round: round,
                         status: .init(state: state, grade: row.grade.flatMap(TargetGrade.init(rawValue:)),
                                       returnReason: state == .drafting ? row.reason : "", updatedAt: row.updatedAt))
        }
    }
}
