import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// 单位名录: the bureau's list of budget units applied to the store in one transaction — each unit's name and
/// attributes (行政区划, 归口处室, 单位类型) set, units not yet holding data added — and audited.
public struct Directory: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// What applying a list did.
    public struct Outcome: Sendable, Equatable {
        public var updated: Int
        public var added: Int
    }

    /// The budget units held, in code order, with their attributes: the list as it stands.
    public func entries() async throws -> [DirectoryCSV.Entry] {
        try await OrganisationModel.query(on: database).filter(\.$kind == "department").sort(\.$code).all().map { unit in
            DirectoryCSV.Entry(code: unit.code, name: unit.name,
                               attributes: OrganisationAttributes(region: unit.region, group: unit.group,
                                                                  category: unit.category))
        }
    }

    /// Applies the list: all of it or, on any error, none.
    public func apply(_ entries: [DirectoryCSV.Entry], actor: AuditActor) async throws -> Outcome {
        try await database.transaction { database in
            var outcome = Outcome(updated: 0, added: 0)
            let existing = Dictionary(try await OrganisationModel.query(on: database)
                .filter(\.$code ~~ entries.map(\.code)).all().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            for entry in entries {
                let row = existing[entry.code] ?? OrganisationModel(code: entry.code, name: entry.name, kind: "department")
                if row.id == nil { outcome.added += 1 } else { outcome.updated += 1 }
                row.name = entry.name
                row.region = entry.attributes.region
                row.group = entry.attributes.group
                row.category = entry.attributes.category
                try await row.save(on: database)
            }
            // Names are part of what 文字雷同 shows of other departments.
            try await PassageFingerprints.renew(year: nil, on: database)
            try await AuditLog.append(on: database, actor: actor, action: "directory.import", subject: "organisations",
                                      after: "updated=\(outcome.updated) added=\(outcome.added)")
            return outcome
        }
    }
}
