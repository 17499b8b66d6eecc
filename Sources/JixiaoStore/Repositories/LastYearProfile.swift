import Fluent
import JixiaoCore
import SQLKit

/// Last year's payments of a department, by line code and month, read from the year before in the store: the
/// profile the forecast follows for lines without a plan, at no cost to the department that kept last year here.
public struct LastYearProfile: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The previous year's payments of the organisation by line code and month; empty when that year is not stored.
    public func payments(code: String, before year: Int) async throws -> [String: [MonthlyAmount]] {
        let years = YearRepository(database: database)
        guard let organisation = try await years.organisation(code: code),
              let previous = try await years.fiscalYear(organisationID: organisation.requireID(), year: year - 1) else {
            return [:]
        }
        let sql = database as! any SQLDatabase
        let rows = try await sql.select()
            .column("line_code")
            .column(SQLRaw("SUBSTR(date, 6, 2)"), as: "month")
            .column(SQLRaw("CAST(SUM(amount_fen) AS BIGINT)"), as: "total")
            .from(PaymentDays.schema)
            .where("year_id", .equal, SQLBind(try previous.requireID()))
            .groupBy("line_code").groupBy(SQLRaw("SUBSTR(date, 6, 2)"))
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
