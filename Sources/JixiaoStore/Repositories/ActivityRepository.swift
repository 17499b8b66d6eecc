import Crypto
import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// The year's activity records as a list: rows added (pasted from a spreadsheet or from a CSV file) and rows
/// removed in one change, checked by the bundle reader with the whole year, guarded by a digest of the list as it
/// was read, audited. Activities feed the measured indicators, so they are results: held once the self-evaluation
/// is handed in.
public struct ActivityRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The list changed since it was read.
    public struct Stale: Error, Equatable {}

    /// A digest of the year's activity list as stored: what a form carries to show it still edits that list.
    public func digest(yearID: UUID) async throws -> String {
        Self.digest(try await Self.records(yearID: yearID, on: database))
    }

    /// Removes the rows at `removing` (positions in the list as read) and appends `adding` (bundle `activities`
    /// entries), if the list is still the one whose digest is `expecting`. Returns how many rows the list has after.
    @discardableResult
    public func change(removing: Set<Int>, adding: [JSONValue], expecting: String, organisation: OrganisationModel,
                       fiscal: FiscalYearModel, actor: AuditActor) async throws -> Int {
        let yearID = try fiscal.requireID()
        let subject = "\(organisation.code)/\(fiscal.year)"
        return try await YearChange.commit(claiming: yearID, kind: .results, actor: actor, on: database) { database in
            let records = try await Self.records(yearID: yearID, on: database)
            guard Self.digest(records) == expecting else { throw Stale() }
            let kept = records.enumerated().filter { !removing.contains($0.offset) }.map(\.element.definition)
            let list = kept.compactMap { try? JSONParser.parse(Data($0.utf8)) } + adding
            let bundle = try await YearRows.bundle(organisation: organisation, year: fiscal, on: database)
            _ = try BundleReader().decode(bundle.setting("activities", to: .array(list)), file: subject)
            try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                .filter(\.$kind == "activity").delete()
            for (position, entry) in list.enumerated() {
                let record = RecordModel()
                record.$fiscalYear.id = yearID
                record.kind = "activity"
                record.position = position
                record.key = ""
                record.title = entry["title"]?.string ?? ""
                record.definition = entry.serialized()
                record.version = 1
                try await record.create(on: database)
            }
            return .init(list.count, yearID: yearID, audit: .init(
                action: "activities.change", subject: subject, before: "\(records.count) activities",
                after: "\(list.count) activities: \(removing.count) removed, \(adding.count) added"))
        }
    }

    private static func records(yearID: UUID, on database: any Database) async throws -> [RecordModel] {
        try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID).filter(\.$kind == "activity")
            .sort(\.$position).all()
    }

    private static func digest(_ records: [RecordModel]) -> String {
        SHA256.hash(data: Data(records.map(\.definition).joined(separator: "\n").utf8)).hex
    }
}
