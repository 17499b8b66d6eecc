import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// The scoring inputs the evaluation snapshots keep, read for many departments of a year at once without loading
/// any year: what the what-if re-scores and what re-check totals are computed from.
struct StoredScoringInputs: Sendable {
    let database: any Database

    /// One department's stored inputs, still as JSON text.
    struct Entry: Sendable {
        let code: String
        let name: String
        let inputs: String
    }

    /// The departments of `year`, in code order: one organisation's when given, only those of `codes` when given.
    func entries(year: Int, organisation: String? = nil, codes: Set<String>? = nil) async throws -> [Entry] {
        if let codes, codes.isEmpty { return [] }
        let sql = database as! any SQLDatabase
        var query = MonitoringOverview(database: database).snapshots(
            sql.select().column(SQLColumn("code", table: "o")).column(SQLColumn("name", table: "o"))
                .column(SQLColumn("inputs", table: "e")),
            year: year, organisation: organisation)
        if let codes { query = query.where(SQLColumn("code", table: "o"), .in, SQLBind.group(codes.sorted())) }
        return try await query.orderBy(SQLColumn("code", table: "o")).all().map { row in
            Entry(code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                  inputs: try row.decode(column: "inputs", as: String.self))
        }
    }
}
