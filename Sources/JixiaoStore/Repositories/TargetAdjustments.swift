import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// 目标调整 as stored: requests to change an approved target, each step one audited change through the year's
/// change path (the change itself applied when the bureau approves, checked by the bundle reader like any edit),
/// and the history of every target.
public struct TargetAdjustments: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// A request, as the pages list it.
    public struct Request: Sendable, Equatable {
        public var number: Int
        public var indicatorID: String
        public var indicatorName: String
        public var before: TargetAdjustment.Target
        public var after: TargetAdjustment.Target
        public var reason: String
        public var state: TargetAdjustment.State
        public var returnReason: String
        public var requestedBy: String
        public var requestedAt: Date
        public var updatedAt: Date
    }

    /// An entry of a target's history.
    public struct HistoryEntry: Sendable, Equatable {
        public enum Event: String, Sendable {
            /// The target as the bureau approved it with the targets round.
            case approved
            /// The target as an approved adjustment made it.
            case adjusted
        }

        public var indicatorID: String
        public var indicatorName: String
        public var event: Event
        public var target: TargetAdjustment.Target
        public var reason: String
        public var actor: String
        public var at: Date
    }

    /// A department-year's requests, newest first.
    public func requests(organisationID: UUID, year: Int) async throws -> [Request] {
        try await TargetAdjustmentModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).sort(\.$number, .descending).all().compactMap(Self.request)
    }

    /// The open requests of every department (or of one), for the to-do lists: (code, name, year, request).
    public func open(organisationCode: String? = nil) async throws -> [(code: String, name: String, year: Int, request: Request)] {
        var query = TargetAdjustmentModel.query(on: database).with(\.$organisation)
            .filter(\.$state ~~ TargetAdjustment.State.allCases.filter(\.isOpen).map(\.rawValue))
        if let organisationCode {
            guard let organisation = try await YearRepository(database: database).organisation(code: organisationCode)
            else { return [] }
            query = query.filter(\.$organisation.$id == organisation.id)
        }
        return try await query.all().compactMap { row in
            Self.request(row).map { (row.organisation.code, row.organisation.name, row.year, $0) }
        }
    }

    /// The history of a department-year's targets, oldest first.
    public func history(organisationID: UUID, year: Int) async throws -> [HistoryEntry] {
        try await TargetHistoryModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).sort(\.$at).all().compactMap { row in
                guard let event = HistoryEntry.Event(rawValue: row.event),
                      let target = TargetAdjustment.Target(json: row.target) else { return nil }
                return HistoryEntry(indicatorID: row.indicatorID, indicatorName: row.indicatorName, event: event,
                                    target: target, reason: row.reason, actor: row.actor, at: row.at)
            }
    }

    /// The preparer's request to change indicator `indicatorID`'s target to `proposed`: refused while the targets
    /// are not approved or the self-evaluation is handed in, when nothing changes or no reason is given, and with
    /// the bundle reader's faults when the year would not read with the change. Returns the request's number.
    @discardableResult
    public func request(indicator indicatorID: String, proposed: TargetAdjustment.Target, reason: String,
                        organisation: StoredOrganisation, fiscal: StoredYear, actor: AuditActor) async throws -> Int {
        let organisationID = organisation.id
        let (code, year) = (organisation.code, fiscal.year)
        return try await YearChange.commit(claiming: fiscal.id, kind: .review, actor: actor,
                                           on: database) { database in
            guard let loaded = try await YearRepository(database: database).load(code: code, year: year, payments: .dailyTotals),
                  let indicator = loaded.indicators.first(where: { $0.id == indicatorID }) else {
                throw ReviewRefusal("没有指标“\(indicatorID)”。")
            }
            let current = TargetAdjustment.Target(indicator)
            let states = try await ReviewRepository(database: database).statuses(organisationID: organisationID,
                                                                                  year: year).mapValues(\.state)
            if let refusal = TargetAdjustment.refusal(from: current, to: proposed, reason: reason, states: states) {
                throw refusal
            }
            try await Self.edit(organisation, fiscal).apply(key: indicatorID, isNew: false, version: nil, action: "",
                                                            actor: actor, checkOnly: true, on: database,
                                                            change: Self.applying(proposed))
            let last = try await TargetAdjustmentModel.query(on: database).filter(\.$organisation.$id == organisationID)
                .filter(\.$year == year).sort(\.$number, .descending).first()?.number ?? 0
            let now = Self.now()
            let row = TargetAdjustmentModel()
            row.$organisation.id = organisationID
            row.year = year
            row.number = last + 1
            row.indicatorID = indicatorID
            row.indicatorName = indicator.name
            row.before = current.json.serialized()
            row.after = proposed.json.serialized()
            row.reason = reason
            row.state = TargetAdjustment.State.submitted.rawValue
            row.returnReason = ""
            row.requestedBy = actor.name
            row.requestedAt = now
            row.updatedAt = now
            try await row.create(on: database)
            return .init(row.number, yearID: fiscal.id, audit: .init(
                action: "review.targetAdjustment.submit", subject: "\(code)/\(year)/\(indicatorID)",
                before: current.text, after: "\(proposed.text) \(reason)"))
        }
    }

    /// A step on request `number`; the bureau's approval applies the change to the indicator (refused when the
    /// targets are no longer approved or the self-evaluation was handed in meanwhile) and records it in the
    /// target's history.
    @discardableResult
    public func step(_ action: ReviewAction, number: Int, by party: ReviewParty, reason: String,
                     organisation: StoredOrganisation, fiscal: StoredYear,
                     actor: AuditActor) async throws -> TargetAdjustment.State {
        let organisationID = organisation.id
        let (code, year) = (organisation.code, fiscal.year)
        return try await YearChange.commit(claiming: fiscal.id, kind: .review, actor: actor,
                                           on: database) { database in
            guard let row = try await TargetAdjustmentModel.query(on: database)
                .filter(\.$organisation.$id == organisationID).filter(\.$year == year).filter(\.$number == number)
                .first(), let request = Self.request(row) else {
                throw ReviewRefusal("没有第 \(number) 号目标调整申请。")
            }
            let to = try TargetAdjustment.next(from: request.state, action: action, by: party, reason: reason)
            let now = Self.now()
            if to == .approved {
                let states = try await ReviewRepository(database: database).statuses(organisationID: organisationID,
                                                                                      year: year).mapValues(\.state)
                if let refusal = TargetAdjustment.refusal(from: request.before, to: request.after,
                                                          reason: request.reason, states: states) {
                    throw refusal
                }
                _ = try await Self.edit(organisation, fiscal).write(key: request.indicatorID, isNew: false, version: nil,
                                                                    on: database, change: Self.applying(request.after))
                try await Self.record(.adjusted, indicatorID: request.indicatorID, name: request.indicatorName,
                                      target: request.after, reason: "第 \(number) 号调整：\(request.reason)",
                                      organisationID: organisationID, year: year, actor: actor, at: now, on: database)
            }
            row.state = to.rawValue
            row.returnReason = action == .return ? reason : ""
            row.updatedAt = now
            try await row.save(on: database)
            return .init(to, yearID: fiscal.id, audit: .init(
                action: "review.targetAdjustment.\(action.rawValue)", subject: "\(code)/\(year)/\(request.indicatorID)",
                before: request.state.rawValue, after: [to.rawValue, "#\(number)", reason]
                    .filter { !$0.isEmpty }.joined(separator: " ")))
        }
    }

    /// Records every indicator's target as the bureau approved it (inside the approval's transaction).
    static func recordApproval(of year: DepartmentYear, organisationID: UUID, grade: TargetGrade?, actor: AuditActor,
                               at date: Date, on database: any Database) async throws {
        for indicator in year.indicators {
            try await record(.approved, indicatorID: indicator.id, name: indicator.name,
                             target: TargetAdjustment.Target(indicator),
                             reason: "绩效目标财政审核通过" + (grade.map { "（等级：\($0.rawValue)）" } ?? ""),
                             organisationID: organisationID, year: year.year, actor: actor, at: date, on: database)
        }
    }

    private static func record(_ event: HistoryEntry.Event, indicatorID: String, name: String,
                               target: TargetAdjustment.Target, reason: String, organisationID: UUID, year: Int,
                               actor: AuditActor, at date: Date, on database: any Database) async throws {
        let row = TargetHistoryModel()
        row.$organisation.id = organisationID
        row.year = year
        row.indicatorID = indicatorID
        row.indicatorName = name
        row.event = event.rawValue
        row.target = target.json.serialized()
        row.reason = reason
        row.actor = actor.name
        row.at = date
        try await row.create(on: database)
    }

    private static func edit(_ organisation: StoredOrganisation, _ fiscal: StoredYear) -> RecordEdit {
        RecordEdit(kind: "indicator", member: "indicators", changeKind: .review, organisation: organisation,
                   fiscal: fiscal)
    }

    /// What a request does to an indicator's bundle definition.
    private static func applying(_ target: TargetAdjustment.Target) -> @Sendable (JSONValue?) -> JSONValue {
        { stored in
            (stored ?? .object([])).setting("target", to: .string(target.target)).setting("unit", to: .string(target.unit))
                .setting("direction", to: .string(target.direction.rawValue))
                .setting("weight", to: .string(target.weight.description))
        }
    }

    private static func request(_ row: TargetAdjustmentModel) -> Request? {
        guard let before = TargetAdjustment.Target(json: row.before), let after = TargetAdjustment.Target(json: row.after),
              let state = TargetAdjustment.State(rawValue: row.state) else { return nil }
        return Request(number: row.number, indicatorID: row.indicatorID, indicatorName: row.indicatorName,
                       before: before, after: after, reason: row.reason, state: state, returnReason: row.returnReason,
                       requestedBy: row.requestedBy, requestedAt: row.requestedAt, updatedAt: row.updatedAt)
    }

    private static func now() -> Date { Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)) }
}

extension TargetAdjustment.Target {
    /// As stored: `{target, unit, direction, weight}`.
    var json: JSONValue {
        .object(["target": .string(target), "unit": .string(unit), "direction": .string(direction.rawValue),
                 "weight": .string(weight.description)])
    }

    init?(json text: String) {
        guard let value = try? JSONParser.parse(Data(text.utf8)), let target = value["target"]?.string,
              let unit = value["unit"]?.string, let direction = value["direction"]?.string.flatMap(Indicator.Direction.init),
              let weight = value["weight"]?.string.flatMap(Rational.init(decimal:)) else { return nil }
        self.init(target: target, unit: unit, direction: direction, weight: weight)
    }
}
