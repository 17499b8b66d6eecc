import Fluent
import Foundation
import JixiaoIO

/// The year's work plan one task at a time: added, changed and removed on the pages, each change checked by the
/// bundle reader with the whole year, version-guarded and audited.
public struct WorkPlanRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// Why a change was refused before it was checked.
    public enum Refusal: Error, Equatable {
        case noSuchTask
        /// Changed or removed by someone else since it was read.
        case conflict
        /// Another task of the year has the id.
        case duplicateID
    }

    /// The stored version of each task, by id.
    public func versions(yearID: UUID) async throws -> [String: Int] {
        let records = try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
            .filter(\.$kind == "task").all()
        return Dictionary(records.map { ($0.key, $0.version) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds a task (a bundle `workPlan` entry); its `id` must be new. With `checkOnly`, the year is checked with
    /// the task in it and nothing is written.
    public func add(_ task: JSONValue, organisation: StoredOrganisation, fiscal: StoredYear, actor: AuditActor,
                    checkOnly: Bool = false) async throws {
        let id = task["id"]?.string ?? ""
        try await refusals {
            try await edit(organisation, fiscal).apply(key: id, isNew: true, version: nil, action: "task.create",
                                                       actor: actor, checkOnly: checkOnly, on: database) { _ in task }
        }
    }

    /// Replaces the task `id` if it is still at `version`; the planned payments stored with it are kept unless the
    /// new entry brings its own. With `checkOnly`, nothing is written.
    public func update(_ task: JSONValue, id: String, version: Int, organisation: StoredOrganisation,
                       fiscal: StoredYear, actor: AuditActor, checkOnly: Bool = false) async throws {
        try await refusals {
            try await edit(organisation, fiscal).apply(key: id, isNew: false, version: version, action: "task.update",
                                                       actor: actor, checkOnly: checkOnly, on: database) { stored in
                guard task["plannedPayments"] == nil, let payments = stored?["plannedPayments"] else { return task }
                return task.setting("plannedPayments", to: payments)
            }
        }
    }

    public func delete(id: String, version: Int, organisation: StoredOrganisation, fiscal: StoredYear,
                       actor: AuditActor) async throws {
        try await refusals {
            try await edit(organisation, fiscal).delete(key: id, version: version, action: "task.delete", actor: actor,
                                                        on: database)
        }
    }

    private func edit(_ organisation: StoredOrganisation, _ fiscal: StoredYear) -> RecordEdit {
        RecordEdit(kind: "task", member: "workPlan", changeKind: .workPlan, organisation: organisation, fiscal: fiscal)
    }

    private func refusals(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let refusal as RecordEdit.Refusal {
            switch refusal {
            case .noSuchRecord: throw Refusal.noSuchTask
            case .conflict: throw Refusal.conflict
            case .duplicateKey: throw Refusal.duplicateID
            }
        }
    }
}
