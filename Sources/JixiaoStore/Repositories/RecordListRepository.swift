import Crypto
import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// A year's records that have no key of their own — activities, procurements — edited as a list: rows replaced,
/// removed and appended in one change, checked by the bundle reader with the whole year, guarded by a digest of the
/// list as it was read, audited. Both feed the year's results (measured indicators, the deadline checks), so they
/// are held once the self-evaluation is handed in.
public struct RecordListRepository: Sendable {
    public let database: any Database
    /// The record kind in the `records` table.
    let kind: String
    /// The bundle member that lists the records (`activities`, `procurements`, `projects`).
    public let member: String
    /// What a change of the list changes for the review rounds: results (activities, procurements — held once the
    /// self-evaluation is handed in) or targets (projects with their indicator trees — held from the targets'
    /// submission).
    var changeKind: ChangeKind = .results

    /// The year's activity records.
    public static func activities(_ database: any Database) -> RecordListRepository {
        RecordListRepository(database: database, kind: "activity", member: "activities")
    }

    /// The year's procurements.
    public static func procurements(_ database: any Database) -> RecordListRepository {
        RecordListRepository(database: database, kind: "procurement", member: "procurements")
    }

    /// The year's projects, each with its lines, template and indicator tree: a change is a change of targets.
    public static func projects(_ database: any Database) -> RecordListRepository {
        RecordListRepository(database: database, kind: "project", member: "projects", changeKind: .targets)
    }

    /// The list changed since it was read.
    public struct Stale: Error, Equatable {}

    /// One change of the list: rows replaced (by position in the list as read), rows removed, rows appended.
    public struct Edit: Sendable {
        public var replacing: [Int: JSONValue]
        public var removing: Set<Int>
        public var adding: [JSONValue]

        public init(replacing: [Int: JSONValue] = [:], removing: Set<Int> = [], adding: [JSONValue] = []) {
            self.replacing = replacing
            self.removing = removing
            self.adding = adding
        }

        /// Whether the edit changes nothing.
        public var isEmpty: Bool { replacing.isEmpty && removing.isEmpty && adding.isEmpty }
    }

    /// A digest of the year's list as stored: what a form carries to show it still edits that list.
    public func digest(yearID: UUID) async throws -> String {
        Self.digest(Self.entries(of: member, in: try await YearRows.bundle(yearID: yearID, on: database)))
    }

    /// Applies `edit` if the list is still the one whose digest is `expecting`; returns how many rows it has after.
    /// The list is checked with the whole year by the bundle reader, then written: activities and procurements to
    /// their tables from the values the reader made (``RecordTables``), projects as their bundle JSON.
    @discardableResult
    public func change(_ edit: Edit, expecting: String, organisation: StoredOrganisation, fiscal: StoredYear,
                       actor: AuditActor) async throws -> Int {
        let yearID = fiscal.id
        let subject = "\(organisation.code)/\(fiscal.year)"
        return try await YearChange.commit(claiming: yearID, kind: changeKind, actor: actor, on: database) { database in
            let bundle = try await YearRows.bundle(yearID: yearID, on: database)
            let stored = Self.entries(of: member, in: bundle)
            guard Self.digest(stored) == expecting,
                  edit.replacing.keys.allSatisfy(stored.indices.contains) else { throw Stale() }
            let kept = stored.enumerated().filter { !edit.removing.contains($0.offset) }.map { offset, entry in
                edit.replacing[offset] ?? entry
            }
            let list = kept + edit.adding
            let year = try BundleReader().decode(bundle.setting(member, to: .array(list)), file: subject)
            // The typed rows go with their records (their keys cascade).
            try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID).filter(\.$kind == kind).delete()
            if RecordTables.holds(kind) {
                try await RecordTables.add(RecordTables.values(of: kind, in: year), yearID: yearID,
                                           organisationID: fiscal.organisationID, on: database)
            } else {
                for (position, entry) in list.enumerated() {
                    let record = RecordModel()
                    record.$fiscalYear.id = yearID
                    record.organisationID = fiscal.organisationID
                    record.kind = kind
                    record.position = position
                    record.key = entry["code"]?.string ?? ""
                    record.title = entry["title"]?.string ?? entry["name"]?.string ?? ""
                    record.definition = entry.serialized()
                    record.version = 1
                    try await record.create(on: database)
                }
            }
            return .init(list.count, yearID: yearID, audit: .init(
                action: "\(member).change", subject: subject, before: "\(stored.count) \(member)",
                after: "\(list.count) \(member): \(edit.replacing.count) changed, \(edit.removing.count) removed, "
                    + "\(edit.adding.count) added"))
        }
    }

    /// The list `member` of a year's bundle.
    private static func entries(of member: String, in bundle: JSONValue) -> [JSONValue] {
        if case .array(let entries)? = bundle[member] { return entries }
        return []
    }

    private static func digest(_ entries: [JSONValue]) -> String {
        SHA256.hash(data: Data(entries.map { $0.serialized() }.joined(separator: "\n").utf8)).hex
    }
}
