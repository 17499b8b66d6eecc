import Fluent
import Foundation
import JixiaoCore
import SQLKit

/// Every department's money and work plan on a date, for the finance bureau's comparison: summed in SQL over the
/// year's rows at once (payments from their days' totals, ``PaymentDays``), so a province of departments is a few
/// queries, not one year-load per department.
public struct MonitoringOverview: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// One department-year on the date — or one of its projects, on the project's own lines.
    public struct Row: Sendable {
        /// The department's code and name.
        public let code: String
        public let name: String
        /// The project the row is about; nil for the whole department.
        public var project: ProjectName? = nil
        /// 全年预算数 over the year's lines.
        public let adjusted: Money
        /// Paid up to and including the date.
        public let executed: Money
        /// Planned up to the date by the lines that have a monthly plan; nil when none has.
        public let planned: Money?
        /// The year's budget lines, and how many of them have a monthly plan.
        public let lines: Int
        public let plannedLines: Int
        /// 全年预算数 of the lines that have a monthly plan.
        public let plannedBudget: Money
        public let tasks: Int
        public let overdueTasks: Int

        /// executed / adjusted.
        public var rate: Rational? { Rational.ratio(executed, of: adjusted) }

        /// What should be paid by the date: each planned line by its plan, every other line by 序时进度 (its
        /// budget × `timeProgress`), so that a plan covering some lines is never set against the whole budget.
        public func due(timeProgress: Rational) -> Money {
            (planned ?? .zero) + Money(roundingFen: (adjusted - plannedBudget).fenValue * timeProgress)
        }
    }

    /// A project as the overview names it.
    public struct ProjectName: Sendable, Equatable {
        public let code: String
        public let name: String
        /// 实施单位.
        public let owner: String
    }

    /// The rows of every department-year of `year` held, limited to one organisation when given.
    public func rows(year: Int, asOf: CivilDate, organisation: String? = nil) async throws -> [Row] {
        let sql = database as! any SQLDatabase
        var query = sql.select().column(SQLColumn("id", table: "f"), as: "year_id").column(SQLColumn("code", table: "o"))
            .column(SQLColumn("name", table: "o"))
            .from(SQLAlias(SQLIdentifier(FiscalYearModel.schema), as: SQLIdentifier("f")))
            .joiningOrganisation(of: "f")
            .where(SQLColumn("year", table: "f"), .equal, SQLBind(year))
        if let organisation { query = query.where(SQLColumn("code", table: "o"), .equal, SQLBind(organisation)) }
        let years = try await query.all().map { row in
            (id: try row.decode(column: "year_id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
             name: try row.decode(column: "name", as: String.self))
        }
        guard !years.isEmpty else { return [] }

        let budget = try await budgets(year: year)
        var due: [UUID: Money] = [:]
        for row in try await joined(sql.select().column(SQLColumn("year_id", table: "l"))
            .column(SQLRaw("CAST(SUM(l.amount_fen) AS BIGINT)"), as: "due"), "l", LinePlanMonths.schema, year: year)
            .where(SQLColumn("month", table: "l"), .lessThanOrEqual, SQLBind(LinePlanMonths.lastDueMonth(on: asOf)))
            .groupBy(SQLColumn("year_id", table: "l")).all() {
            due[try row.decode(column: "year_id", as: UUID.self)] = Money(fen: try row.decode(column: "due", as: Int64.self))
        }
        var paid: [UUID: Money] = [:]
        for (yearID, _, amount) in try await paidByYear(year, asOf: asOf, byLine: false) {
            paid[yearID, default: .zero] += amount
        }
        var tasks: [UUID: (all: Int, overdue: Int)] = [:]
        for row in try await joined(sql.select().column(SQLColumn("year_id", table: "r"))
            .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "tasks")
            .column(SQLRaw("CAST(SUM(\(MonitoringOverview.overdue(on: asOf))) AS BIGINT)"),
                    as: "overdue"), "r", RecordModel.schema, year: year)
            .where(SQLColumn("kind", table: "r"), .equal, SQLBind("task"))
            .groupBy(SQLColumn("year_id", table: "r")).all() {
            tasks[try row.decode(column: "year_id", as: UUID.self)] =
                (Int(try row.decode(column: "tasks", as: Int64.self)), Int(try row.decode(column: "overdue", as: Int64.self)))
        }
        return years.map { year in
            let lines = budget[year.id] ?? Budget()
            return Row(code: year.code, name: year.name, adjusted: lines.adjusted, executed: paid[year.id] ?? .zero,
                       planned: lines.plannedLines > 0 ? due[year.id] ?? .zero : nil, lines: lines.lines,
                       plannedLines: lines.plannedLines, plannedBudget: lines.plannedBudget,
                       tasks: tasks[year.id]?.all ?? 0, overdueTasks: tasks[year.id]?.overdue ?? 0)
        }
    }

    /// A row for every project of every department-year of `year` (limited to one organisation when given), each
    /// on its own lines: their budget, their payments up to the date, their plans. Departments without projects
    /// have none. Only the years that hold projects are summed.
    public func projectRows(year: Int, asOf: CivilDate, organisation: String? = nil) async throws -> [Row] {
        let sql = database as! any SQLDatabase
        var query = joined(sql.select().column(SQLColumn("year_id", table: "r")).column(SQLColumn("key", table: "r"))
            .column(SQLColumn("title", table: "r")).column(SQLColumn("definition", table: "r"))
            .column(SQLColumn("code", table: "o"))
            .column(SQLColumn("name", table: "o")), "r", RecordModel.schema, year: year)
            .joiningOrganisation(of: "f")
            .where(SQLColumn("kind", table: "r"), .equal, SQLBind("project"))
        if let organisation { query = query.where(SQLColumn("code", table: "o"), .equal, SQLBind(organisation)) }
        let projects = try await query.orderBy(SQLColumn("code", table: "o")).orderBy(SQLColumn("position", table: "r"))
            .all().map { row in
                let record = ProjectLines(code: try row.decode(column: "key", as: String.self),
                                          name: try row.decode(column: "title", as: String.self),
                                          definition: try row.decode(column: "definition", as: String.self))
                return (yearID: try row.decode(column: "year_id", as: UUID.self),
                        department: try row.decode(column: "code", as: String.self),
                        departmentName: try row.decode(column: "name", as: String.self),
                        project: ProjectName(code: record.code, name: record.name, owner: record.owner),
                        lines: record.lines)
            }
        guard !projects.isEmpty else { return [] }
        // Only the years holding projects: their lines, and their payments summed per line up to the date.
        let holding = SQLRaw("(SELECT year_id FROM \(RecordModel.schema) WHERE kind = 'project')")
        // Each line's plan due by the date (a whole month is an integer of ours, safe to write into the statement).
        let due = "(SELECT CAST(COALESCE(SUM(m.amount_fen), 0) AS BIGINT) FROM \(LinePlanMonths.schema) m "
            + "WHERE m.line_id = b.id AND m.month <= \(LinePlanMonths.lastDueMonth(on: asOf)))"
        var lines: [UUID: [String: (adjusted: Money, planned: Bool, due: Money)]] = [:]
        for row in try await joined(sql.select().column(SQLColumn("year_id", table: "b")).column(SQLColumn("code", table: "b"))
            .column(SQLColumn("adjusted_fen", table: "b"))
            .column(SQLRaw("CAST(CASE WHEN \(Self.hasPlan) THEN 1 ELSE 0 END AS BIGINT)"), as: "planned")
            .column(SQLRaw(due), as: "due"), "b", BudgetLineModel.schema, year: year)
            .where(SQLColumn("year_id", table: "b"), .in, holding).all() {
            lines[try row.decode(column: "year_id", as: UUID.self), default: [:]][try row.decode(column: "code", as: String.self)] =
                (Money(fen: try row.decode(column: "adjusted_fen", as: Int64.self)),
                 try row.decode(column: "planned", as: Int64.self) == 1, Money(fen: try row.decode(column: "due", as: Int64.self)))
        }
        var paid: [UUID: [String: Money]] = [:]
        for (yearID, line, amount) in try await paidByYear(year, asOf: asOf, byLine: true, among: holding) {
            paid[yearID, default: [:]][line ?? "", default: .zero] += amount
        }
        return projects.map { project in
            let own = project.lines.compactMap { code in lines[project.yearID]?[code].map { (code, $0) } }
            let planned = own.filter(\.1.planned)
            return Row(code: project.department, name: project.departmentName, project: project.project,
                       adjusted: own.map(\.1.adjusted).sum(),
                       executed: own.compactMap { paid[project.yearID]?[$0.0] }.sum(),
                       planned: planned.isEmpty ? nil : planned.map(\.1.due).sum(), lines: own.count,
                       plannedLines: planned.count,
                       plannedBudget: planned.map(\.1.adjusted).sum(), tasks: 0, overdueTasks: 0)
        }
    }

    /// True for a budget line (`b`) that has a monthly plan.
    private static let hasPlan = "b.plan <> '[]'"

    /// A department-year's lines summed: what the overview sets the payments against.
    struct Budget {
        /// 全年预算数 over the year's lines.
        var adjusted = Money.zero
        var lines = 0
        /// The lines that have a monthly plan, and their 全年预算数.
        var plannedLines = 0
        var plannedBudget = Money.zero
    }

    /// Each department-year's lines summed in SQL, by year id.
    func budgets(year: Int) async throws -> [UUID: Budget] {
        let sql = database as! any SQLDatabase
        let planned = Self.hasPlan
        var budget: [UUID: Budget] = [:]
        for row in try await joined(sql.select().column(SQLColumn("year_id", table: "b"))
            .column(SQLRaw("CAST(SUM(b.adjusted_fen) AS BIGINT)"), as: "adjusted")
            .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "lines")
            .column(SQLRaw("CAST(SUM(CASE WHEN \(planned) THEN 1 ELSE 0 END) AS BIGINT)"), as: "planned_lines")
            .column(SQLRaw("CAST(SUM(CASE WHEN \(planned) THEN b.adjusted_fen ELSE 0 END) AS BIGINT)"),
                    as: "planned_budget"), "b", BudgetLineModel.schema, year: year)
            .groupBy(SQLColumn("year_id", table: "b")).all() {
            budget[try row.decode(column: "year_id", as: UUID.self)] = Budget(
                adjusted: Money(fen: try row.decode(column: "adjusted", as: Int64.self)),
                lines: Int(try row.decode(column: "lines", as: Int64.self)),
                plannedLines: Int(try row.decode(column: "planned_lines", as: Int64.self)),
                plannedBudget: Money(fen: try row.decode(column: "planned_budget", as: Int64.self)))
        }
        return budget
    }

    /// A select over the evaluation snapshots of `year` (aliased `e`) with their fiscal years (`f`) and organisations
    /// (`o`), limited to one organisation's code when given: what the bureau's lists read.
    func snapshots(_ select: SQLSelectBuilder, year: Int, organisation: String?) -> SQLSelectBuilder {
        let query = joined(select, "e", EvaluationModel.schema, year: year)
            .joiningOrganisation(of: "f")
        return organisation.map { query.where(SQLColumn("code", table: "o"), .equal, SQLBind($0)) } ?? query
    }

    /// A select over one of a year's tables (aliased `alias`), joined to its fiscal year and limited to `year`.
    /// What each department-year of `year` (among `years`, when given) paid up to `asOf` — by line when `byLine` —
    /// as parts to add up: the months' totals before the date's month, and the days' totals of its month up to the
    /// date. At most lines × 12 rows and lines × 31 rows a year, however many payments.
    func paidByYear(_ year: Int, asOf: CivilDate, byLine: Bool, among years: (any SQLExpression)? = nil) async throws
        -> [(yearID: UUID, line: String?, amount: Money)] {
        let sql = database as! any SQLDatabase
        let month = String(asOf.description.prefix(7))
        func sums(_ table: String, _ narrow: (SQLSelectBuilder) -> SQLSelectBuilder) async throws
            -> [(yearID: UUID, line: String?, amount: Money)] {
            var select = joined(sql.select().column(SQLColumn("year_id", table: "p"))
                .column(SQLRaw("CAST(SUM(p.amount_fen) AS BIGINT)"), as: "paid"), "p", table, year: year)
                .groupBy(SQLColumn("year_id", table: "p"))
            if byLine { select = select.column(SQLColumn("line_code", table: "p")).groupBy(SQLColumn("line_code", table: "p")) }
            if let years { select = select.where(SQLColumn("year_id", table: "p"), .in, years) }
            return try await narrow(select).all().map { row in
                (try row.decode(column: "year_id", as: UUID.self),
                 byLine ? try row.decode(column: "line_code", as: String.self) : nil,
                 Money(fen: try row.decode(column: "paid", as: Int64.self)))
            }
        }
        let months = try await sums(PaymentDays.monthSchema) {
            $0.where(SQLColumn("month", table: "p"), .lessThan, SQLBind(month))
        }
        let days = try await sums(PaymentDays.schema) {
            $0.where(SQLColumn("date", table: "p"), .greaterThanOrEqual, SQLBind(month + "-01"))
                .where(SQLColumn("date", table: "p"), .lessThanOrEqual, SQLBind(asOf.description))
        }
        return months + days
    }

    func joined(_ select: SQLSelectBuilder, _ alias: String, _ table: String, year: Int) -> SQLSelectBuilder {
        select.from(SQLAlias(SQLIdentifier(table), as: SQLIdentifier(alias)))
            .join(SQLAlias(SQLIdentifier(FiscalYearModel.schema), as: SQLIdentifier("f")),
                  on: SQLColumn("id", table: "f"), .equal, SQLColumn("year_id", table: alias))
            .where(SQLColumn("year", table: "f"), .equal, SQLBind(year))
    }

    /// 1 for a task record (`r`) overdue on the date, else 0 — ``WorkTask/isOverdue(on:)`` in SQL over the task's
    /// own columns (``TaskColumns``), so that 10⁵ tasks are counted from an index without reading their definitions:
    /// due before the date, and not done by it (done with no completion date counts as done). The date is our own
    /// `YYYY-MM-DD`, safe to write into the statement.
    static func overdue(on date: CivilDate) -> String {
        let day = "'\(date.description)'"
        return "CASE WHEN r.task_due < \(day) AND NOT (r.task_status = 'done' AND "
            + "(r.task_completed IS NULL OR r.task_completed <= \(day))) THEN 1 ELSE 0 END"
    }
}
