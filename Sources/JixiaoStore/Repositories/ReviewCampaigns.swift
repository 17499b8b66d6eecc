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
        /// The re-check difference in points beyond which a department is flagged (a grade change always is).
        public var recheckThreshold: Rational
        /// Days the bureau has from approving a self-evaluation to publishing it (财预〔2016〕143号: 20).
        public var publishDays: Int

        public static let defaultRecheckThreshold = Rational(5)
        public static let defaultPublishDays = 20

        /// The due date of a round.
        public func due(_ round: ReviewRound) -> CivilDate { round == .targets ? targetsDue : evaluationDue }
    }

    /// A re-check threshold or publication period out of its range.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// The re-check threshold's range, in points.
    public static let thresholdRange = Rational.zero...Rational(100)
    /// The publication period's range, in days.
    public static let publishDaysRange = 1...365

    /// Opens (or moves) a year's campaign for every department of that year: its due dates and, when given, the
    /// re-check threshold and publication period (otherwise kept, or the defaults for a new campaign); audited.
    public func open(year: Int, targetsDue: CivilDate, evaluationDue: CivilDate, recheckThreshold: Rational? = nil,
                     publishDays: Int? = nil, actor: AuditActor) async throws {
        if let recheckThreshold, !Self.thresholdRange.contains(recheckThreshold) {
            throw Invalid(message: "复核差异阈值须在 0–100 分之间")
        }
        if let publishDays, !Self.publishDaysRange.contains(publishDays) {
            throw Invalid(message: "公开期限须在 1–365 天之间")
        }
        try await database.transaction { database in
            let row = try await ReviewCampaignModel.query(on: database).filter(\.$year == year).first()
                ?? ReviewCampaignModel()
            let isNew = row.id == nil
            let before = isNew ? "" : Self.describe(row)
            row.year = year
            row.targetsDue = targetsDue.description
            row.evaluationDue = evaluationDue.description
            if let recheckThreshold { row.recheckThreshold = recheckThreshold.formatted(places: 2) }
            else if isNew { row.recheckThreshold = Campaign.defaultRecheckThreshold.formatted(places: 2) }
            if let publishDays { row.publishDays = publishDays } else if isNew { row.publishDays = Campaign.defaultPublishDays }
            try await row.save(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "review.campaign", subject: String(year),
                                      before: before, after: Self.describe(row))
        }
    }

    private static func describe(_ row: ReviewCampaignModel) -> String {
        "\(row.targetsDue) \(row.evaluationDue) threshold=\(row.recheckThreshold) publishDays=\(row.publishDays)"
    }

    /// Every campaign, by year.
    public func all() async throws -> [Int: Campaign] {
        var campaigns: [Int: Campaign] = [:]
        for row in try await ReviewCampaignModel.query(on: database).all() {
            guard let targets = CivilDate(iso: row.targetsDue), let evaluation = CivilDate(iso: row.evaluationDue)
            else { continue }
            campaigns[row.year] = Campaign(
                year: row.year, targetsDue: targets, evaluationDue: evaluation,
                recheckThreshold: Rational(decimal: row.recheckThreshold) ?? Campaign.defaultRecheckThreshold,
                publishDays: row.publishDays)
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
            query = query.filter(\.$organisation.$id == organisation.id)
        }
        return try await query.all().compactMap { row in
            guard let round = ReviewRound(rawValue: row.round), let status = ReviewRepository.Status(row) else {
                return nil
            }
            return Entry(code: row.organisation.code, name: row.organisation.name, year: row.year, round: round,
                         status: status)
        }
    }
}
