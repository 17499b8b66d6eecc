import Crypto
import Fluent
import Foundation
import JixiaoCore

/// 自评复核 as stored: the bureau draws departments whose self-evaluation it holds (部门已审核, 财政审核中, 已通过),
/// at random with a recorded seed or by risk, and re-scores their items, each with a reason and optionally a file.
/// Every draw and re-score is audited; a re-score goes through the year's change path.
public struct Rechecks: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The self-evaluation states in which the bureau holds a department's self-evaluation: drawn and re-scored
    /// only then (a published one is returned for correction first).
    public static let heldStates: Set<ReviewState> = [.departmentApproved, .underReview, .approved]

    /// A department-year drawn for re-checking.
    public struct Member: Sendable, Equatable {
        public var code: String
        public var name: String
        public var year: Int
        /// Its place in its draw, from 1.
        public var position: Int
        /// The draw's method in words (with its seed or risk measure).
        public var method: String
        /// The risk figure it was drawn by, or empty for a random draw.
        public var risk: String
        public var drawnBy: String
        public var drawnAt: Date
    }

    /// A stored re-score, with what is known of its file.
    public struct Stored: Sendable, Equatable {
        public var rescore: Recheck.Rescore
        public var fileName: String?
        public var fileSHA256: String?
        public var actor: String
        public var at: Date
    }

    /// A file attached to a re-score: named, typed and kept like any evidence.
    public typealias File = EvidenceRepository.File

    /// Why a draw or a re-score was refused.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The departments of `year` that may be drawn now: self-evaluation held by the bureau, not drawn before.
    public func candidates(year: Int) async throws -> [SpotCheck.Candidate] {
        let held = try await ReviewRoundModel.query(on: database).filter(\.$year == year)
            .filter(\.$round == ReviewRound.selfEvaluation.rawValue)
            .filter(\.$state ~~ Self.heldStates.map(\.rawValue)).all().map { $0.$organisation.id }
        let drawn = Set(try await RecheckModel.query(on: database).filter(\.$year == year).all()
            .map { $0.$organisation.id })
        let wanted = Set(held).subtracting(drawn)
        guard !wanted.isEmpty else { return [] }
        let years = try await FiscalYearModel.query(on: database).filter(\.$year == year)
            .filter(\.$organisation.$id ~~ Array(wanted)).with(\.$organisation).all()
        let snapshots = Dictionary(try await EvaluationModel.query(on: database)
            .filter(\.$fiscalYear.$id ~~ years.compactMap(\.id)).all().map { ($0.$fiscalYear.id, $0) },
                                   uniquingKeysWith: { first, _ in first })
        return years.compactMap { fiscal in
            guard let id = fiscal.id, let snapshot = snapshots[id] else { return nil }
            return SpotCheck.Candidate(code: fiscal.organisation.code, name: fiscal.organisation.name,
                                       unsupportedPoints: Rational(decimal: snapshot.unsupported) ?? .zero,
                                       executionRate: snapshot.rate.flatMap(Rational.init(decimal:)),
                                       findings: snapshot.findings)
        }
    }

    /// Draws up to `count` departments of `year` by `method` and records the draw; audited as `review.draw`.
    public func draw(year: Int, count: Int, method: SpotCheck.Method, actor: AuditActor) async throws -> [Member] {
        guard (1...1000).contains(count) else { throw Refusal(message: "抽取数量须在 1–1000 之间。") }
        return try await LostRace.retrying {
            try await database.transaction { database in
                let repository = Rechecks(database: database)
                let drawn = SpotCheck.draw(try await repository.candidates(year: year), count: count, method: method)
                guard !drawn.isEmpty else {
                    throw Refusal(message: "\(year) 年没有可抽取的部门：复核只抽取财政局已收到（部门已审核、财政审核中、已通过）且尚未抽取的自评。")
                }
                let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
                let spotCheck = SpotCheckModel()
                spotCheck.year = year
                spotCheck.method = Self.encode(method)
                spotCheck.drawnBy = actor.name
                spotCheck.drawnAt = now
                try await spotCheck.create(on: database)
                var members: [Member] = []
                for (offset, candidate) in drawn.enumerated() {
                    guard let organisation = try await YearRepository(database: database)
                        .organisation(code: candidate.code) else { continue }
                    let row = RecheckModel()
                    row.$organisation.id = organisation.id
                    row.year = year
                    row.$spotCheck.id = try spotCheck.requireID()
                    row.position = offset + 1
                    if case .risk(let measure) = method { row.risk = candidate.figure(measure) } else { row.risk = "" }
                    try await row.create(on: database)
                    members.append(Member(code: candidate.code, name: candidate.name, year: year, position: offset + 1,
                                          method: method.chinese, risk: row.risk, drawnBy: actor.name, drawnAt: now))
                }
                try await AuditLog.append(on: database, actor: actor, action: "review.draw", subject: String(year),
                                          after: "\(Self.encode(method)) \(members.map(\.code).joined(separator: " "))")
                return members
            }
        }
    }

    /// Every department-year drawn, of one year or all, in draw order.
    public func drawn(year: Int? = nil) async throws -> [Member] {
        var query = RecheckModel.query(on: database).with(\.$organisation).with(\.$spotCheck)
        if let year { query = query.filter(\.$year == year) }
        return try await query.all().map { row in
            Member(code: row.organisation.code, name: row.organisation.name, year: row.year, position: row.position,
                   method: Self.decode(row.spotCheck.method)?.chinese ?? row.spotCheck.method, risk: row.risk,
                   drawnBy: row.spotCheck.drawnBy, drawnAt: row.spotCheck.drawnAt)
        }.sorted { ($0.year, $0.drawnAt, $0.position) < ($1.year, $1.drawnAt, $1.position) }
    }

    /// Whether a department-year was drawn.
    public func isDrawn(organisationID: UUID, year: Int) async throws -> Bool {
        try await RecheckModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).count() > 0
    }

    /// A department-year's re-scores by item.
    public func rescores(organisationID: UUID, year: Int) async throws -> [String: Stored] {
        let rows = try await RescoreModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).field(\.$item).field(\.$score).field(\.$reason).field(\.$fileName)
            .field(\.$fileSHA256).field(\.$actor).field(\.$at).all()
        var stored: [String: Stored] = [:]
        for row in rows {
            guard let score = Rational(decimal: row.score) else { continue }
            stored[row.item] = Stored(rescore: .init(score: score, reason: row.reason), fileName: row.fileName,
                                      fileSHA256: row.fileSHA256, actor: row.actor, at: row.at)
        }
        return stored
    }

    /// The file attached to the re-score of `item`.
    public func file(organisationID: UUID, year: Int, item: String) async throws -> File? {
        guard let row = try await RescoreModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).filter(\.$item == item).first(),
            let name = row.fileName, let type = row.fileType, let data = row.fileData else { return nil }
        return File(name: name, type: type, data: data)
    }

    /// Stores the bureau's re-score of `item` (replacing an earlier one; a new file replaces the old, no file keeps
    /// it) while the department is drawn and its self-evaluation held; through the year's change path, audited as
    /// `review.recheck` with the score before and after.
    public func rescore(_ rescore: Recheck.Rescore, item: String, file: File?, organisation: StoredOrganisation,
                        fiscal: StoredYear, actor: AuditActor) async throws {
        let organisationID = organisation.id
        let year = fiscal.year
        try await YearChange.commit(claiming: fiscal.id, kind: .review, actor: actor, on: database) { database in
            guard try await Rechecks(database: database).isDrawn(organisationID: organisationID, year: year) else {
                throw Refusal(message: "\(organisation.name) \(year) 年未被抽中复核。")
            }
            let state = try await ReviewRepository(database: database)
                .statuses(organisationID: organisationID, year: year)[.selfEvaluation]?.state ?? .drafting
            guard Self.heldStates.contains(state) else {
                throw Refusal(message: "绩效自评\(state.chinese(in: .selfEvaluation))，此时不能复核评分：复核在部门已审核、财政审核中或已通过时进行。")
            }
            let row = try await RescoreModel.query(on: database).filter(\.$organisation.$id == organisationID)
                .filter(\.$year == year).filter(\.$item == item).first() ?? RescoreModel()
            let before = row.id == nil ? "" : "\(row.score) \(row.reason)"
            row.$organisation.id = organisationID
            row.year = year
            row.item = item
            row.score = rescore.score.description
            row.reason = rescore.reason
            if let file {
                row.fileName = file.name
                row.fileType = file.type
                row.fileData = file.data
                row.fileSHA256 = SHA256.hash(data: file.data).hex
            }
            row.actor = actor.name
            row.at = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            try await row.save(on: database)
            return .init((), yearID: fiscal.id, audit: .init(
                action: "review.recheck", subject: "\(organisation.code)/\(year)/\(item)", before: before,
                after: ["\(row.score) \(row.reason)", row.fileSHA256.map { "file sha256 \($0)" } ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: " ")))
        }
    }

    /// How a draw's method is kept: `random:SEED` or `risk:MEASURE`.
    static func encode(_ method: SpotCheck.Method) -> String {
        switch method {
        case .random(let seed): "random:\(seed)"
        case .risk(let measure): "risk:\(measure.rawValue)"
        }
    }

    static func decode(_ text: String) -> SpotCheck.Method? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        if parts[0] == "random", let seed = UInt64(parts[1]) { return .random(seed: seed) }
        if parts[0] == "risk", let measure = SpotCheck.RiskMeasure(rawValue: parts[1]) { return .risk(measure) }
        return nil
    }
}
