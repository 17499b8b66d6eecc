import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// Progress reports on a year's indicators (绩效运行监控), entered one at a time.
public struct IndicatorProgressRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// Why a report was refused before it was checked.
    public enum Refusal: Error, Equatable {
        /// The year has no indicator with the id.
        case noSuchIndicator
    }

    /// Records a progress report (a bundle `progress` entry: asOf, actual, projected, likelihood, cause, remedy) for
    /// an indicator, replacing its report of the same date. The year is read back through the bundle reader with
    /// the report in it, so a report the reader refuses throws its ``InputError`` (paths such as
    /// `indicators[3].progress[0].cause`) and nothing is written. Audited.
    public func report(_ entry: JSONValue, indicator id: String, organisation: StoredOrganisation,
                       fiscal: StoredYear, actor: AuditActor) async throws {
        let edit = RecordEdit(kind: "indicator", member: "indicators", changeKind: .progress, organisation: organisation, fiscal: fiscal)
        do {
            try await edit.apply(key: id, isNew: false, version: nil, action: "indicator.progress", actor: actor,
                                 on: database) { stored in
                let indicator = stored ?? .object([])
                var reports: [JSONValue] = []
                if case .array(let existing)? = indicator["progress"] {
                    reports = existing.filter { $0["asOf"] != entry["asOf"] }
                }
                reports.append(entry)
                reports.sort { ($0["asOf"]?.string ?? "") < ($1["asOf"]?.string ?? "") }
                return indicator.setting("progress", to: .array(reports))
            }
        } catch RecordEdit.Refusal.noSuchRecord {
            throw Refusal.noSuchIndicator
        }
    }
}
