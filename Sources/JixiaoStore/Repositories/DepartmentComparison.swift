import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// Every department of a year side by side, as the bureau ranks them: budget, execution rate, self-score, grade,
/// open findings and the points no record supports — read from the evaluation snapshots each change keeps (never
/// re-evaluated here) and the budget summed in SQL, so a province is two queries.
public struct DepartmentComparison: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// One department-year.
    public struct Row: Sendable, Equatable {
        /// This row with the bureau's re-check, when there is one.
        func rechecked(_ recheck: Recheck?) -> Row {
            guard let recheck, recheck.hasRescores else { return self }
            var row = self
            row.recheck = recheck.recheckTotal
            row.recheckGrade = recheck.recheckGrade
            return row
        }

        public let code: String
        public let name: String
        /// 行政区划, 归口处室 and 单位类型 from the bureau's 单位名录.
        public let attributes: OrganisationAttributes
        /// 全年预算数.
        public let adjusted: Money
        /// executed / adjusted as the snapshot keeps it (four decimals); nil without a budget.
        public let rate: Rational?
        /// The self-score; nil when the year has no snapshot yet.
        public let total: Rational?
        public let grade: String
        /// Findings of severity high or medium.
        public let findings: Int
        /// Points of the self-score no record supports.
        public let unsupported: Rational
        /// The total after the bureau's re-check (its re-scores in place of the department's), when it re-scored
        /// anything, and the grade that total earns.
        public var recheck: Rational?
        public var recheckGrade: String?

        /// The grade that counts: the re-check's where there was one, else the self-evaluation's.
        public var finalGrade: String { recheckGrade ?? grade }
    }

    /// The rows of `year`, in code order; limited to one organisation when given.
    public func rows(year: Int, organisation: String? = nil) async throws -> [Row] {
        let sql = database as! any SQLDatabase
        let overview = MonitoringOverview(database: database)
        let query = overview.snapshots(
            sql.select().column(SQLColumn("id", table: "f"), as: "year_id").column(SQLColumn("code", table: "o"))
                .column(SQLColumn("name", table: "o")).column(SQLColumn("region", table: "o"))
                .column(SQLColumn("group_name", table: "o")).column(SQLColumn("category", table: "o"))
                .column(SQLColumn("total", table: "e"))
                .column(SQLColumn("grade", table: "e")).column(SQLColumn("rate", table: "e"))
                .column(SQLColumn("findings", table: "e")).column(SQLColumn("unsupported", table: "e")),
            year: year, organisation: organisation)
        let budgets = try await overview.budgets(year: year)
        let rechecks = try await rechecks(year: year, organisation: organisation)
        return try await query.orderBy(SQLColumn("code", table: "o")).all().map { row in
            let id = try row.decode(column: "year_id", as: UUID.self)
            return Row(code: try row.decode(column: "code", as: String.self),
                       name: try row.decode(column: "name", as: String.self),
                       attributes: OrganisationAttributes(region: try row.decode(column: "region", as: String.self),
                                                          group: try row.decode(column: "group_name", as: String.self),
                                                          category: try row.decode(column: "category", as: String.self)),
                       adjusted: budgets[id]?.adjusted ?? .zero,
                       rate: try row.decode(column: "rate", as: String?.self).flatMap(Rational.init(decimal:)),
                       total: Rational(decimal: try row.decode(column: "total", as: String.self)),
                       grade: try row.decode(column: "grade", as: String.self),
                       findings: try row.decode(column: "findings", as: Int.self),
                       unsupported: Rational(decimal: try row.decode(column: "unsupported", as: String.self)) ?? .zero)
                .rechecked(rechecks[try row.decode(column: "code", as: String.self)])
        }
    }

    /// The re-check total and grade of every department of the year the bureau re-scored, by code: its re-scores
    /// laid over the scores of its stored scoring inputs, so no year is loaded.
    func rechecks(year: Int, organisation: String?) async throws -> [String: Recheck] {
        let sql = database as! any SQLDatabase
        var query = sql.select().column(SQLColumn("code", table: "o")).column(SQLColumn("item", table: "r"))
            .column(SQLColumn("score", table: "r")).column(SQLColumn("reason", table: "r"))
            .from(SQLAlias(SQLIdentifier(RescoreModel.schema), as: SQLIdentifier("r")))
            .joiningOrganisation(of: "r")
            .where(SQLColumn("year", table: "r"), .equal, SQLBind(year))
        if let organisation { query = query.where(SQLColumn("code", table: "o"), .equal, SQLBind(organisation)) }
        var rescores: [String: [String: Recheck.Rescore]] = [:]
        for row in try await query.all() {
            guard let score = Rational(decimal: try row.decode(column: "score", as: String.self)) else { continue }
            rescores[try row.decode(column: "code", as: String.self), default: [:]][try row.decode(column: "item", as: String.self)]
                = Recheck.Rescore(score: score, reason: try row.decode(column: "reason", as: String.self))
        }
        let catalog = TemplateCatalog.builtIn
        var result: [String: Recheck] = [:]
        for entry in try await StoredScoringInputs(database: database).entries(year: year, codes: Set(rescores.keys)) {
            guard let inputs = try? ScoringInputsJSON.decode(entry.inputs, catalog: catalog),
                  let template = inputs.templateChoice.template(from: catalog.template(id:))
            else { continue }
            result[entry.code] = Recheck(indicators: inputs.entries.map(\.indicator), template: template,
                                         evaluation: Evaluator.evaluate(inputs, template: template),
                                         rescores: rescores[entry.code] ?? [:], threshold: .zero)
        }
        return result
    }
}
