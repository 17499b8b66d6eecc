import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// Every department's money and work plan on a date, for the finance bureau's comparison: summed in SQL over the
/// whole year's rows at once (payments by their (year, date) index), so a province of departments is one page view,
/// not one year-load per department.
public struct MonitoringOverview: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// One department-year on the date.
    public struct Row: Sendable {
        public let code: String
        public let name: String
        /// 全年预算数 over the year's lines.
        public let adjusted: Money
        /// Paid up to and including the date.
        public let executed: Money
        /// Planned up to the date by the lines that have a monthly plan; nil when none has.
        public let planned: Money?
        public let tasks: Int
        public let overdueTasks: Int

        /// executed / adjusted.
        public var rate: Rational? { Rational.ratio(executed, of: adjusted) }
    }

    /// The rows of every department-year of `year` held, limited to `organisations` when given.
    public func rows(year: Int, asOf: CivilDate, organisations: Set<String>? = nil) async throws -> [Row] {
        let sql = database as! any SQLDatabase
        let years = try await FiscalYearModel.query(on: database).filter(\.$year == year).with(\.$organisation).all()
            .filter { organisations?.contains($0.organisation.code) ?? true }
        guard !years.isEmpty else { return [] }
        var units: [UUID: Money.Unit] = [:]
        for fiscal in years { if let id = fiscal.id { units[id] = Money.Unit(rawValue: fiscal.moneyUnit) ?? .yuan } }

        var budget: [UUID: Money] = [:]
        var planned: [UUID: Money] = [:]
        for row in try await joined(sql.select().column(SQLColumn("year_id", table: "b")).column(SQLColumn("adjusted_fen", table: "b"))
            .column(SQLColumn("plan", table: "b")).from(SQLAlias(SQLIdentifier(BudgetLineModel.schema), as: SQLIdentifier("b"))),
                                    table: "b", year: year).all() {
            let id = try row.decode(column: "year_id", as: UUID.self)
            budget[id, default: .zero] += Money(fen: try row.decode(column: "adjusted_fen", as: Int64.self))
            let plan = YearRows.monthly(try row.decode(column: "plan", as: String.self), unit: units[id] ?? .yuan)
            if !plan.isEmpty {
                planned[id, default: .zero] += plan.filter { Monitor.isDue($0.month, on: asOf) }.map(\.amount).sum()
            }
        }
        var paid: [UUID: Money] = [:]
        for row in try await joined(sql.select().column(SQLColumn("year_id", table: "p"))
            .column(SQLRaw("CAST(SUM(p.amount_fen) AS BIGINT)"), as: "paid")
            .from(SQLAlias(SQLIdentifier(PaymentModel.schema), as: SQLIdentifier("p"))), table: "p", year: year)
            .where(SQLColumn("date", table: "p"), .lessThanOrEqual, SQLBind(asOf.description))
            .groupBy(SQLColumn("year_id", table: "p")).all() {
            paid[try row.decode(column: "year_id", as: UUID.self)] = Money(fen: try row.decode(column: "paid", as: Int64.self))
        }
        var tasks: [UUID: (all: Int, overdue: Int)] = [:]
        for row in try await joined(sql.select().column(SQLColumn("year_id", table: "r")).column(SQLColumn("definition", table: "r"))
            .from(SQLAlias(SQLIdentifier(RecordModel.schema), as: SQLIdentifier("r"))), table: "r", year: year)
            .where(SQLColumn("kind", table: "r"), .equal, SQLBind("task")).all() {
            let id = try row.decode(column: "year_id", as: UUID.self)
            let overdue = MonitoringOverview.task(try row.decode(column: "definition", as: String.self))?.isOverdue(on: asOf) ?? false
            tasks[id, default: (0, 0)].all += 1
            if overdue { tasks[id, default: (0, 0)].overdue += 1 }
        }
        return years.compactMap { fiscal in
            guard let id = fiscal.id else { return nil }
            return Row(code: fiscal.organisation.code, name: fiscal.organisation.name, adjusted: budget[id] ?? .zero,
                       executed: paid[id] ?? .zero, planned: planned[id], tasks: tasks[id]?.all ?? 0,
                       overdueTasks: tasks[id]?.overdue ?? 0)
        }
    }

    /// A select over one of a year's tables, joined to its fiscal year and limited to `year`.
    private func joined(_ select: SQLSelectBuilder, table: String, year: Int) -> SQLSelectBuilder {
        select.join(SQLAlias(SQLIdentifier(FiscalYearModel.schema), as: SQLIdentifier("f")),
                    on: SQLColumn("id", table: "f"), .equal, SQLColumn("year_id", table: table))
            .where(SQLColumn("year", table: "f"), .equal, SQLBind(year))
    }

    /// The dates and state of a stored task (its record was checked by the bundle reader when written).
    static func task(_ definition: String) -> WorkTask? {
        guard let value = try? JSONParser.parse(Data(definition.utf8)),
              case .string(let start)? = value["start"], let startDate = CivilDate(iso: start),
              case .string(let due)? = value["due"], let dueDate = CivilDate(iso: due),
              case .string(let status)? = value["status"], let state = WorkTask.Status(rawValue: status) else { return nil }
        var completed: CivilDate?
        if case .string(let text)? = value["completed"] { completed = CivilDate(iso: text) }
        return WorkTask(id: "", title: "", start: startDate, due: dueDate, status: state, completed: completed)
    }
}
