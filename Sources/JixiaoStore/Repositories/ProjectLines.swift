import Fluent
import Foundation
import JixiaoIO

/// A year's projects by code and name with the budget lines each holds, read from their records alone (not the
/// rest of the year): what a list page needs to narrow itself to a project.
public struct ProjectLines: Sendable, Equatable {
    public let code: String
    public let name: String
    public let lines: [String]

    /// The projects of the year in their order.
    public static func of(yearID: UUID, on database: any Database) async throws -> [ProjectLines] {
        try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID).filter(\.$kind == "project")
            .sort(\.$position).all()
            .map { record in
                let entry = (try? JSONParser.parse(Data(record.definition.utf8))) ?? .object([])
                let lines: [String]
                if case .array(let codes)? = entry["lines"] { lines = codes.compactMap(\.string) } else { lines = [] }
                return ProjectLines(code: record.key, name: record.title, lines: lines)
            }
    }
}
