import Fluent
import JixiaoCore
import SQLKit

/// Last year's payments of a department, by line code and month, read from the year before in the store: the
/// profile the forecast follows for lines without a plan, at no cost to the department that kept last year here.
public struct LastYearProfile: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The previous year's payments of the organisation by line code and month; empty when that year is not stored.
    /// One query from the department's code.
    public func payments(code: String, before year: Int) async throws -> [String: [MonthlyAmount]] {
        let rows = try await YearRows.FiscalRow.of(code: code, year: year - 1, YearRows.FiscalRow.joined([], on: database))
            .join(SQLAlias(SQLIdentifier(PaymentDays.monthSchema), as: SQLIdentifier("m")),
                  on: SQLColumn("year_id", table: "m"), .equal, SQLColumn("id", table: "f"))
            .column(SQLColumn("line_code", table: "m"))
            .column(SQLRaw("SUBSTR(\"m\".\"month\", 6, 2)"), as: "month")
            .column(SQLColumn("amount_fen", table: "m"), as: "total")
            .all()
        var profile: [String: [MonthlyAmount]] = [:]
        for row in rows {
            let line = try row.decode(column: "line_code", as: String.self)
            guard let month = Int(try row.decode(column: "month", as: String.self)), (1...12).contains(month) else { continue }
            profile[line, default: []].append(MonthlyAmount(month: month, amount: Money(fen: try row.decode(column: "total", as: Int64.self))))
        }
        return profile.mapValues { $0.sorted { $0.month < $1.month } }
    }
}
