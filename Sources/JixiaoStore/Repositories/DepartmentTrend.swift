import Fluent
import Foundation
import JixiaoCore
import SQLKit

/// A department's last years beside the province's: its execution rate, self-score and grade each year with the
/// medians of every department of that year (and of those in its own 行政区划), read from the evaluation snapshots.
public struct DepartmentTrend: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// One year of the trend.
    public struct Point: Sendable, Equatable {
        public var year: Int
        /// The department's figures; nil when it holds no evaluated year then.
        public var rate: Rational?
        public var total: Rational?
        public var grade: String?
        /// Medians over every department evaluated that year.
        public var provinceRate: Rational?
        public var provinceTotal: Rational?
        /// Medians over the departments of the same 行政区划 (nil when the department has none).
        public var regionRate: Rational?
        public var regionTotal: Rational?
        /// How many departments the province's medians are over.
        public var departments: Int
    }

    /// The department's name and region, and its `span` years up to `year`, oldest first; nil for an unknown code.
    public func points(code: String, through year: Int, span: Int = 3) async throws
        -> (name: String, region: String, points: [Point])? {
        guard let organisation = try await YearRepository(database: database).organisation(code: code) else { return nil }
        let years = Array((year - span + 1)...year)
        let sql = database as! any SQLDatabase
        let rows = try await sql.select().column(SQLColumn("year", table: "f")).column(SQLColumn("code", table: "o"))
            .column(SQLColumn("region", table: "o")).column(SQLColumn("total", table: "e"))
            .column(SQLColumn("rate", table: "e")).column(SQLColumn("grade", table: "e"))
            .from(SQLAlias(SQLIdentifier(EvaluationModel.schema), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier(FiscalYearModel.schema), as: SQLIdentifier("f")),
                  on: SQLColumn("id", table: "f"), .equal, SQLColumn("year_id", table: "e"))
            .joiningOrganisation(of: "f")
            .where(SQLColumn("year", table: "f"), .in, SQLBind.group(years))
            .all()
        struct Entry { let year: Int; let code: String; let region: String; let total: Rational?; let rate: Rational?; let grade: String }
        let entries = try rows.map { row in
            Entry(year: try row.decode(column: "year", as: Int.self), code: try row.decode(column: "code", as: String.self),
                  region: try row.decode(column: "region", as: String.self),
                  total: Rational(decimal: try row.decode(column: "total", as: String.self)),
                  rate: try row.decode(column: "rate", as: String?.self).flatMap(Rational.init(decimal:)),
                  grade: try row.decode(column: "grade", as: String.self))
        }
        let region = organisation.region
        let points = years.map { year in
            let ofYear = entries.filter { $0.year == year }
            let own = ofYear.first { $0.code == code }
            let neighbours = region.isEmpty ? [] : ofYear.filter { $0.region == region }
            return Point(year: year, rate: own?.rate, total: own?.total, grade: own?.grade,
                         provinceRate: ofYear.compactMap(\.rate).median(), provinceTotal: ofYear.compactMap(\.total).median(),
                         regionRate: neighbours.compactMap(\.rate).median(),
                         regionTotal: neighbours.compactMap(\.total).median(), departments: ofYear.count)
        }
        return (organisation.name, region, points)
    }
}
