import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// A change to one of a year's keyed records (an indicator, a work-plan task), made safely: the year is
/// read back through the bundle reader with the change in it, so a change the reader refuses throws its
/// ``InputError`` (paths such as `workPlan[3].due`) and nothing is written; a stale version is refused; the change
/// is audited with the record before and after, and the year's evaluation snapshot is recomputed (``YearChange``).
struct RecordEdit {
    /// Why a change was refused before it was checked.
    enum Refusal: Error, Equatable {
        case noSuchRecord
        /// Changed by someone else since it was read.
        case conflict
        /// A new record's key is taken.
        case duplicateKey
    }

    /// The record kind in the `records` table and the bundle member that lists such records.
    let kind: String
    let member: String
    /// What changing such a record is, for the review rounds' lock.
    let changeKind: ChangeKind
    let organisation: StoredOrganisation
    let fiscal: StoredYear

    var subject: String { "\(organisation.code)/\(fiscal.year)" }

    /// Replaces the record `key` — or, when `isNew`, adds it — with what `change` makes of its stored bundle entry
    /// (nil for a new record). With a `version`, the stored record must still be at it. With `checkOnly`, the
    /// change is checked and nothing is written.
    func apply(key: String, isNew: Bool, version: Int?, action: String, actor: AuditActor, checkOnly: Bool = false,
               on database: any Database,
               change: @escaping @Sendable (JSONValue?) -> JSONValue) async throws {
        let yearID = fiscal.id
        guard !checkOnly else {
            _ = try await checked(key: key, isNew: isNew, version: version, on: database, change: change)
            return
        }
        try await YearChange.commit(claiming: yearID, kind: changeKind, actor: actor, on: database) { database in
            let (before, after) = try await write(key: key, isNew: isNew, version: version, on: database, change: change)
            return .init((), yearID: yearID, audit: .init(action: action, subject: "\(subject)/\(key)", before: before,
                                                          after: after.serialized()))
        }
    }

    /// Checks and writes the change inside the caller's change transaction (``YearChange``); returns the record's
    /// bundle JSON before (empty for a new record) and after. The record's typed rows (``RecordTables``) are written
    /// from the value the reader made of it.
    func write(key: String, isNew: Bool, version: Int?, on database: any Database,
               change: @escaping @Sendable (JSONValue?) -> JSONValue) async throws -> (String, JSONValue) {
        let yearID = fiscal.id
        let check = try await checked(key: key, isNew: isNew, version: version, on: database, change: change)
        if isNew, check.existing != nil { throw Refusal.duplicateKey }
        guard let value = RecordTables.value(kind: kind, key: key, in: check.year) else { throw Refusal.noSuchRecord }
        if let existing = check.existing {
            let changed = try await (database as! any SQLDatabase).update(RecordModel.schema)
                .set("version", to: SQLBind(existing.version + 1))
                .where("id", .equal, SQLBind(try existing.requireID()))
                .where("version", .equal, SQLBind(existing.version))
                .returning("id").all()
            guard !changed.isEmpty else { throw Refusal.conflict }
            try await RecordTables.replaceFields(of: try existing.requireID(), with: value,
                                                 organisationID: fiscal.organisationID, on: database)
        } else {
            let last = try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                .filter(\.$kind == kind).sort(\.$position, .descending).first()
            try await RecordTables.add([((last?.position ?? -1) + 1, value)], yearID: yearID,
                                       organisationID: fiscal.organisationID, on: database)
        }
        return (check.stored?.serialized() ?? "", check.updated)
    }

    /// What checking a change found: the stored record and its bundle JSON, what the change makes of it, and the
    /// year as the bundle reader read it with the change.
    private struct Check {
        var existing: RecordModel?
        var stored: JSONValue?
        var updated: JSONValue
        var year: DepartmentYear
    }

    /// The stored record and what the change makes of it, after the whole year has been read with the change by the
    /// bundle reader (which throws every fault).
    private func checked(key: String, isNew: Bool, version: Int?, on database: any Database,
                         change: @Sendable (JSONValue?) -> JSONValue) async throws -> Check {
        let yearID = fiscal.id
        let existing = try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
            .filter(\.$kind == kind).filter(\.$key == key).first()
        if !isNew, existing == nil { throw Refusal.noSuchRecord }
        if let version, let existing, existing.version != version { throw Refusal.conflict }

        let bundle = try await YearRows.bundle(yearID: yearID, on: database)
        var records: [JSONValue] = []
        if case .array(let stored)? = bundle[member] { records = stored }
        let position = existing == nil ? nil : records.firstIndex { $0["id"] == .string(key) }
        let stored = position.map { records[$0] }
        let updated = change(stored)
        // A new record is added even when its key is taken, so that the reader reports the clash with the rest.
        if !isNew, let position {
            records[position] = updated
        } else {
            records.append(updated)
        }
        let year = try BundleReader().decode(bundle.setting(member, to: .array(records)), file: subject)
        return Check(existing: existing, stored: stored, updated: updated, year: year)
    }

    /// Removes the record `key` if it is still at `version`; the year must still read without it.
    func delete(key: String, version: Int, action: String, actor: AuditActor, on database: any Database) async throws {
        let yearID = fiscal.id
        try await YearChange.commit(claiming: yearID, kind: changeKind, actor: actor, on: database) { database in
            guard let existing = try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                .filter(\.$kind == kind).filter(\.$key == key).first() else { throw Refusal.noSuchRecord }
            guard existing.version == version else { throw Refusal.conflict }
            let bundle = try await YearRows.bundle(yearID: yearID, on: database)
            var before = ""
            if case .array(let records)? = bundle[member] {
                before = records.first { $0["id"] == .string(key) }?.serialized() ?? ""
                let rest = records.filter { $0["id"] != .string(key) }
                _ = try BundleReader().decode(bundle.setting(member, to: .array(rest)), file: subject)
            }
            let sql = database as! any SQLDatabase
            let removed = try await sql.delete(from: RecordModel.schema)
                .where("id", .equal, SQLBind(try existing.requireID())).where("version", .equal, SQLBind(version))
                .returning("id").all()
            guard !removed.isEmpty else { throw Refusal.conflict }
            return .init((), yearID: yearID,
                         audit: .init(action: action, subject: "\(subject)/\(key)", before: before))
        }
    }
}
