import Fluent
import Foundation
import JixiaoCore
import SQLKit

/// Each budget line's monthly plan as rows (``LinePlanMonths``), filled from the lines' `plan` columns in one
/// transaction. The key follows the distribution rules (``Distribution``): on PostgreSQL it ends with the organisation
/// and the rows point at their line with it; SQLite's lines are keyed by id alone.
struct CreateLinePlanMonths: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        let key = ["line_id", "month"] + (postgres ? [Distribution.column] : [])
        var schema = database.schema(LinePlanMonths.schema)
            .field("line_id", .uuid, .required).field("month", .int, .required)
            .field("year_id", .uuid, .required).field("amount_fen", .int64, .required)
            .field(.string(Distribution.column), .uuid, .required)
            .constraint(.constraint(.compositeIdentifier(key.map { .key(.string($0)) }), name: ""))
        schema = postgres
            ? schema.foreignKey(["line_id", .string(Distribution.column)], references: BudgetLineModel.schema,
                                ["id", .string(Distribution.column)], onDelete: .cascade)
            : schema.foreignKey("line_id", references: BudgetLineModel.schema, "id", onDelete: .cascade)
        try await schema.create()
        // The overview sums a year's months up to a date from this index alone (the amount in it: half the time on a
        // province's 1.9·10⁵ months).
        try await sql.create(index: "line_plan_months_year").on(LinePlanMonths.schema).column("year_id").column("month")
            .column("amount_fen").run()
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            let lines = try await sql.select().column(SQLColumn("id", table: "b")).column(SQLColumn("year_id", table: "b"))
                .column(SQLColumn("plan", table: "b")).column(SQLColumn("money_unit", table: "f"))
                .column(SQLColumn(Distribution.column, table: "f"))
                .from(SQLAlias(SQLIdentifier(BudgetLineModel.schema), as: SQLIdentifier("b")))
                .join(SQLAlias(SQLIdentifier(FiscalYearModel.schema), as: SQLIdentifier("f")),
                      on: SQLColumn("id", table: "f"), .equal, SQLColumn("year_id", table: "b"))
                .where(SQLColumn("plan", table: "b"), .notEqual, SQLBind("[]")).all()
            var byYear: [UUID: (organisationID: UUID, plans: [(lineID: UUID, plan: [MonthlyAmount])])] = [:]
            for line in lines {
                let yearID = try line.decode(column: "year_id", as: UUID.self)
                let unit = Money.Unit(rawValue: try line.decode(column: "money_unit", as: String.self)) ?? .yuan
                let plan = YearRows.monthly(try line.decode(column: "plan", as: String.self), unit: unit)
                let organisationID = try line.decode(column: Distribution.column, as: UUID.self)
                byYear[yearID, default: (organisationID, [])].plans.append((try line.decode(column: "id", as: UUID.self), plan))
            }
            for (yearID, year) in byYear {
                try await LinePlanMonths.insert(year.plans, yearID: yearID, organisationID: year.organisationID,
                                                on: database)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LinePlanMonths.schema).delete()
    }
}
