import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// The year's indicator tree one indicator at a time: added, changed, moved and removed on the pages and the API,
/// each change checked by the bundle reader with the whole year, version-guarded and audited. A change to what an
/// indicator is — its levels, name, nature, direction, target, unit or weight, or the tree itself — is a change of
/// the targets (held once the targets are handed in; approved targets change by 目标调整); a change of its actual
/// value or deviation note alone is a change of the results (held by the self-evaluation).
public struct IndicatorRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The members of an indicator's bundle entry that say what the indicator is, as against its results.
    public static let targetMembers = ["id", "level1", "level2", "name", "nature", "direction", "target", "unit",
                                       "weight", "rule", "formula", "source"]

    /// Why a change was refused before it was checked.
    public enum Refusal: Error, Equatable {
        case noSuchIndicator
        /// Changed or removed by someone else since it was read.
        case conflict
        /// Another indicator of the year has the id.
        case duplicateID
        /// The indicator is already first or last.
        case cannotMove
    }

    /// The stored version of each indicator, by id.
    public func versions(yearID: UUID) async throws -> [String: Int] {
        let records = try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
            .filter(\.$kind == "indicator").all()
        return Dictionary(records.map { ($0.key, $0.version) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds an indicator (a bundle `indicators` entry) at the end of the tree; its `id` must be new. With
    /// `checkOnly`, the year is checked with it and nothing is written.
    public func add(_ indicator: JSONValue, organisation: StoredOrganisation, fiscal: StoredYear,
                    actor: AuditActor, checkOnly: Bool = false) async throws {
        let id = indicator["id"]?.string ?? ""
        try await refusals {
            try await edit(.targets, organisation, fiscal).apply(
                key: id, isNew: true, version: nil, action: "indicator.create", actor: actor, checkOnly: checkOnly,
                on: database) { _ in Self.merging(indicator, into: .object([])) }
        }
    }

    /// Replaces the indicator `id` if it is still at `version`, keeping what the form does not carry (its measure,
    /// grade, manual score and progress reports). With `checkOnly`, nothing is written.
    public func update(_ indicator: JSONValue, id: String, version: Int, organisation: StoredOrganisation,
                       fiscal: StoredYear, actor: AuditActor, checkOnly: Bool = false) async throws {
        guard let stored = try await RecordTables.indicators(yearIDs: [fiscal.id], on: database)[fiscal.id]?
            .first(where: { $0.id == id }) else { throw Refusal.noSuchIndicator }
        let definition = BundleWriter.indicator(stored)
        let merged = Self.merging(indicator, into: definition)
        let kind: ChangeKind = Self.targetMembers.allSatisfy { Self.same(merged[$0], definition[$0]) } ? .results : .targets
        try await refusals {
            try await edit(kind, organisation, fiscal).apply(
                key: id, isNew: false, version: version, action: "indicator.update", actor: actor,
                checkOnly: checkOnly, on: database) { stored in Self.merging(indicator, into: stored ?? definition) }
        }
    }

    /// Removes the indicator `id` if it is still at `version` (the year must still read without it).
    public func delete(id: String, version: Int, organisation: StoredOrganisation, fiscal: StoredYear,
                       actor: AuditActor) async throws {
        try await refusals {
            try await edit(.targets, organisation, fiscal).delete(key: id, version: version, action: "indicator.delete",
                                                                  actor: actor, on: database)
        }
    }

    /// Moves the indicator `id` one place up (`offset` -1) or down (+1) in the tree's order.
    public func move(id: String, offset: Int, organisation: StoredOrganisation, fiscal: StoredYear,
                     actor: AuditActor) async throws {
        let yearID = fiscal.id
        try await YearChange.commit(claiming: yearID, kind: .targets, actor: actor, on: database) { database in
            let records = try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                .filter(\.$kind == "indicator").sort(\.$position).all()
            guard let index = records.firstIndex(where: { $0.key == id }) else { throw Refusal.noSuchIndicator }
            let other = index + offset
            guard offset != 0, records.indices.contains(other) else { throw Refusal.cannotMove }
            let (first, second) = (records[index], records[other])
            let (firstPosition, secondPosition) = (first.position, second.position)
            // Positions are unique: park one before the swap.
            let sql = database as! any SQLDatabase
            for (record, position) in [(first, -1), (second, firstPosition), (first, secondPosition)] {
                try await sql.update(RecordModel.schema).set("position", to: SQLBind(position))
                    .set("version", to: SQLBind(record.version + 1))
                    .where("id", .equal, SQLBind(try record.requireID())).run()
            }
            return .init((), yearID: yearID, audit: .init(
                action: "indicator.move", subject: "\(organisation.code)/\(fiscal.year)/\(id)",
                before: String(index + 1), after: String(other + 1)))
        }
    }

    /// Whether two members say the same: equal, or decimals of the same value (`10` and `10.00`).
    static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        if a == b { return true }
        guard let x = a?.string.flatMap(Rational.init(decimal:)), let y = b?.string.flatMap(Rational.init(decimal:)) else {
            return false
        }
        return x == y
    }

    /// `form`'s members over `stored`'s: what the form carries replaces, what it leaves out stays, and an empty
    /// actual value removes the stored one.
    static func merging(_ form: JSONValue, into stored: JSONValue) -> JSONValue {
        guard case .object(let members) = form else { return stored }
        var result = stored
        for member in members { result = result.setting(member.key, to: member.value) }
        if form["actual"] == .string(""), case .object(let kept) = result {
            result = .object(kept.filter { $0.key != "actual" })
        }
        return result
    }

    private func edit(_ kind: ChangeKind, _ organisation: StoredOrganisation, _ fiscal: StoredYear) -> RecordEdit {
        RecordEdit(kind: "indicator", member: "indicators", changeKind: kind, organisation: organisation, fiscal: fiscal)
    }

    private func refusals(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let refusal as RecordEdit.Refusal {
            switch refusal {
            case .noSuchRecord: throw Refusal.noSuchIndicator
            case .conflict: throw Refusal.conflict
            case .duplicateKey: throw Refusal.duplicateID
            }
        }
    }
}
