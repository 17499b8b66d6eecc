import Fluent
import Foundation
import JixiaoCore
import SQLKit

/// Each budget line's monthly plan as rows, one a month the plan names, in fen: kept with the line's `plan` column
/// (the line's own JSON, which its year is read from) by every writer of the plan, as the payments' months are kept
/// with the payments (``PaymentDays``), so that the bureau's overview sums what is due by a date in SQL instead of
/// parsing every line's plan of a province. Removed with their line.
enum LinePlanMonths {
    static let schema = "line_plan_months"

    /// Rows to one insert statement (five values each).
    private static let rowsPerStatement = 1_000

    /// Writes the months of each line's plan (`plans`: line id and plan) of year `yearID` of `organisationID`.
    static func insert(_ plans: [(lineID: UUID, plan: [MonthlyAmount])], yearID: UUID, organisationID: UUID,
                       on database: any Database) async throws {
        let rows = try plans.flatMap { line in
            try line.plan.map { [SQLBind(line.lineID), SQLBind($0.month), SQLBind(yearID), SQLBind(try $0.amount.column()),
                                 SQLBind(organisationID)] as [any SQLExpression] }
        }
        let sql = database as! any SQLDatabase
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let insert = sql.insert(into: schema).columns("line_id", "month", "year_id", "amount_fen", Distribution.column)
            for row in rows[start..<min(rows.count, start + rowsPerStatement)] { insert.values(row) }
            try await insert.run()
        }
    }

    /// Replaces the months of line `lineID` with those of `plan`.
    static func replace(lineID: UUID, with plan: [MonthlyAmount], yearID: UUID, organisationID: UUID,
                        on database: any Database) async throws {
        try await (database as! any SQLDatabase).delete(from: schema).where("line_id", .equal, SQLBind(lineID)).run()
        try await insert([(lineID, plan)], yearID: yearID, organisationID: organisationID, on: database)
    }

    /// The last month whose plan is due on `date` (``Monitor/isDue(_:on:)``); 0 when none is.
    static func lastDueMonth(on date: CivilDate) -> Int {
        (1...12).last { Monitor.isDue($0, on: date) } ?? 0
    }
}
