import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// The written text of every department of a year — 部门概况 and the report sections — read in one query without
/// loading any year, as passages for the near-duplicate search.
public struct ProvinceTexts: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// Every department's passages of `year`, in code order.
    public func passages(year: Int, heading: (NarrativeSection) -> String) async throws -> [NearDuplicates.Passage] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.select().column(SQLColumn("code", table: "o")).column(SQLColumn("name", table: "o"))
            .column(SQLColumn("overview", table: "f")).column(SQLColumn("narrative", table: "f"))
            .from(SQLAlias(SQLIdentifier(FiscalYearModel.schema), as: SQLIdentifier("f")))
            .join(SQLAlias(SQLIdentifier(OrganisationModel.schema), as: SQLIdentifier("o")),
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "f"))
            .where(SQLColumn("year", table: "f"), .equal, SQLBind(year))
            .orderBy(SQLColumn("code", table: "o")).all()
        return try rows.flatMap { row -> [NearDuplicates.Passage] in
            var narrative: [NarrativeSection: String] = [:]
            if case .object(let members)? = try? JSONParser.parse(Data(try row.decode(column: "narrative", as: String.self).utf8)) {
                for member in members {
                    if let section = NarrativeSection(rawValue: member.key), let text = member.value.string {
                        narrative[section] = text
                    }
                }
            }
            return NearDuplicates.passages(code: try row.decode(column: "code", as: String.self),
                                           name: try row.decode(column: "name", as: String.self),
                                           overview: try row.decode(column: "overview", as: String.self),
                                           narrative: narrative, heading: heading)
        }
    }
}
