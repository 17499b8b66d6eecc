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
    public func report(_ entry: JSONValue, indicator id: String, organisation: OrganisationModel,
                       fiscal: FiscalYearModel, actor: String) async throws {
        let yearID = try fiscal.requireID()
        let subject = "\(organisation.code)/\(fiscal.year)"
        try await database.transaction { database in
            guard let record = try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                .filter(\.$kind == "indicator").filter(\.$key == id).first(),
                  let stored = try? JSONParser.parse(Data(record.definition.utf8)) else { throw Refusal.noSuchIndicator }
            var reports: [JSONValue] = []
            if case .array(let existing)? = stored["progress"] { reports = existing.filter { $0["asOf"] != entry["asOf"] } }
            reports.append(entry)
            reports.sort { ($0["asOf"].flatMap(Self.text) ?? "") < ($1["asOf"].flatMap(Self.text) ?? "") }
            let updated = stored.setting("progress", to: .array(reports))

            let bundle = try await YearRows.bundle(organisation: organisation, year: fiscal, on: database)
            guard case .array(var indicators)? = bundle["indicators"],
                  let position = indicators.firstIndex(where: { $0["id"] == .string(id) }) else {
                throw Refusal.noSuchIndicator
            }
            indicators[position] = updated
            _ = try BundleReader().decode(bundle.setting("indicators", to: .array(indicators)), file: subject)

            let before = record.definition
            record.definition = updated.serialized()
            record.version += 1
            try await record.save(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "indicator.progress",
                                      subject: "\(subject)/\(id)", before: before, after: record.definition)
        }
    }

    private static func text(_ value: JSONValue) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }
}
