import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// A department-year's re-check as the pages, the API and publishing show it: whether it was drawn, the
/// comparison of the bureau's re-scores with the department's own, and what is stored of each re-score.
struct RecheckPage {
    let code: String
    let name: String
    let year: Int
    let drawn: Rechecks.Member?
    let comparison: Recheck
    let stored: [String: Rechecks.Stored]
    /// The decimals scores are shown with (the template's rounding).
    let places: Int
    /// Whether the signed-in person may re-score now (the bureau's reviewer, the department drawn and held).
    let mayRescore: Bool
    var message: String?
    var problems: [String] = []

    /// The re-check of the context's year.
    static func load(_ context: YearContext, on request: Request, message: String? = nil,
                     problems: [String] = []) async throws -> RecheckPage {
        guard let year = try await YearRepository(database: request.db)
            .load(code: context.organisation.code, year: context.fiscal.year, payments: .dailyTotals) else { throw Abort(.notFound) }
        let organisationID = context.organisation.id
        let state = try await ReviewRepository(database: request.db)
            .statuses(organisationID: organisationID, year: year.year)[.selfEvaluation]?.state ?? .drafting
        let recheckYear = try await RecheckYear.load(year.year, on: request.db)
        let drawn = recheckYear.member(year.department.code)
        let loaded = try await comparison(of: year, organisationID: organisationID, in: recheckYear, on: request.db)
        return RecheckPage(code: context.organisation.code, name: context.organisation.name, year: year.year,
                           drawn: drawn, comparison: loaded.comparison, stored: loaded.stored,
                           places: year.template.rounding.places,
                           mayRescore: context.user.role == .reviewer && drawn != nil && Rechecks.heldStates.contains(state),
                           message: message, problems: problems)
    }

    /// The comparison of `year` with its re-scores under the threshold of `recheckYear`.
    static func comparison(of year: DepartmentYear, organisationID: UUID, in recheckYear: RecheckYear,
                           on database: StoreDatabase) async throws -> (comparison: Recheck, stored: [String: Rechecks.Stored]) {
        let stored = try await Rechecks(database: database).rescores(organisationID: organisationID, year: year.year)
        let comparison = Recheck(year: year, evaluation: Evaluator.evaluate(year),
                                 rescores: stored.mapValues(\.rescore), threshold: recheckYear.threshold)
        return (comparison, stored)
    }

    /// Checks and stores a re-score of the context's year; the message saying what was saved.
    static func rescore(item: String, score: String, reason: String, file: Rechecks.File?, _ context: YearContext,
                        on request: Request) async throws -> String {
        guard let year = try await YearRepository(database: request.db)
            .load(code: context.organisation.code, year: context.fiscal.year, payments: .dailyTotals) else { throw Abort(.notFound) }
        let rescore = try Recheck.rescore(item: item, score: score,
                                          reason: String(reason.prefix(TextLimits.maximumCharacters)), year: year,
                                          evaluation: Evaluator.evaluate(year))
        try await Rechecks(database: request.db).rescore(rescore, item: item, file: file,
                                                         organisation: context.organisation, fiscal: context.fiscal,
                                                         actor: context.user.auditActor)
        return "已保存“\(year.indicators.first { $0.id == item }?.name ?? "预算执行率")”的复核得分 \(rescore.score)。"
    }

    /// An uploaded file as the re-check's evidence (``EvidenceUpload``).
    static func evidence(name: String, data: Data) throws -> Rechecks.File {
        let (name, kind) = try EvidenceUpload.check(name: name, data: data, what: "复核材料")
        return Rechecks.File(name: name, type: kind.mediaType, data: data)
    }

    /// The re-check as the API gives it.
    var json: JSONValue {
        .object([
            "drawn": .bool(drawn != nil),
            "method": drawn.map { .string($0.method) } ?? .null,
            "selfTotal": .string(comparison.selfTotal.formatted(places: places)),
            "recheckTotal": .string(comparison.recheckTotal.formatted(places: places)),
            "difference": .string(comparison.difference.formatted(places: places)),
            "selfGrade": .string(comparison.selfGrade),
            "recheckGrade": .string(comparison.recheckGrade),
            "threshold": .string(comparison.threshold.description),
            "flagged": .bool(drawn != nil && comparison.isFlagged),
            "items": .array(comparison.rows.map { row in
                .object([
                    "item": .string(row.item), "label": .string(row.label), "weight": .string(row.weight.description),
                    "selfScore": .string(row.selfScore.description),
                    "recheckScore": row.rescore.map { .string($0.score.description) } ?? .null,
                    "reason": .string(row.rescore?.reason ?? ""),
                    "file": stored[row.item]?.fileName.map { .string($0) } ?? .null,
                    "fileSha256": stored[row.item]?.fileSHA256.map { .string($0) } ?? .null,
                ])
            }),
        ])
    }
}

/// What a year's re-checks share, read once however many departments are compared: the campaign (its threshold)
/// and every department drawn.
struct RecheckYear {
    let campaign: ReviewCampaigns.Campaign?
    let drawn: [Rechecks.Member]

    var threshold: Rational { campaign?.recheckThreshold ?? ReviewCampaigns.Campaign.defaultRecheckThreshold }

    /// The draw `code` was in, if it was drawn.
    func member(_ code: String) -> Rechecks.Member? { drawn.first { $0.code == code } }

    static func load(_ year: Int, on database: StoreDatabase) async throws -> RecheckYear {
        RecheckYear(campaign: try await ReviewCampaigns(database: database).all()[year],
                    drawn: try await Rechecks(database: database).drawn(year: year))
    }
}

/// The bureau's spot-check page: the year's campaign, the draw form, what may be drawn and every department drawn
/// with its comparison.
struct SpotCheckPage {
    struct Row {
        let member: Rechecks.Member
        let comparison: Recheck
    }

    let year: Int
    let years: [Int]
    let campaign: ReviewCampaigns.Campaign?
    let candidates: Int
    let rows: [Row]
    let mayAct: Bool
    var message: String?
    var problems: [String] = []

    static func load(year: Int, user: CurrentUser, on database: StoreDatabase, message: String? = nil,
                     problems: [String] = []) async throws -> SpotCheckPage {
        let recheckYear = try await RecheckYear.load(year, on: database)
        let years = YearRepository(database: database)
        var rows: [Row] = []
        for member in recheckYear.drawn {
            guard let loaded = try await years.load(code: member.code, year: year, payments: .dailyTotals),
                  let organisation = try await years.organisation(code: member.code) else { continue }
            let comparison = try await RecheckPage.comparison(of: loaded, organisationID: organisation.id,
                                                              in: recheckYear, on: database).comparison
            rows.append(Row(member: member, comparison: comparison))
        }
        return SpotCheckPage(year: year, years: try await years.heldYears(), campaign: recheckYear.campaign,
                             candidates: try await Rechecks(database: database).candidates(year: year).count, rows: rows,
                             mayAct: user.role == .reviewer, message: message, problems: problems)
    }
}
