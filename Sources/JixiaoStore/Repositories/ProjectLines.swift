import Fluent
import Foundation
import JixiaoIO

/// A year's projects by code and name with their 实施单位 and the budget lines each holds, read from their records
/// alone (not the rest of the year): what a list page needs to narrow itself to a project.
public struct ProjectLines: Sendable, Equatable {
    public let code: String
    public let name: String
    public let owner: String
    public let lines: [String]

    /// A project record's key, title and bundle JSON.
    init(code: String, name: String, definition: String) {
        let entry = (try? JSONParser.parse(Data(definition.utf8))) ?? .object([])
        self.code = code
        self.name = name
        owner = entry["owner"]?.string ?? ""
        if case .array(let codes)? = entry["lines"] { lines = codes.compactMap(\.string) } else { lines = [] }
    }

    /// The projects of the year in their order.
    public static func of(yearID: UUID, on database: any Database) async throws -> [ProjectLines] {
        try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == yearID).filter(\.$kind == "project")
            .sort(\.$position).all()
            .map { ProjectLines(code: $0.key, name: $0.title, definition: $0.definition) }
    }
}
