import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// 评价结果应用 over a year: the bureau's rule (stored, else ``ResultUseRule/standard``), when each department's
/// self-evaluation reached the bureau, and every department's budget suggestion for the next year.
public struct ResultUse: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The rule for `year`: the bureau's, else the standard one.
    public func rule(year: Int) async throws -> ResultUseRule {
        guard let stored = try await ResultRuleModel.query(on: database).filter(\.$year == year).first() else {
            return .standard
        }
        return try ResultUseRuleJSON.decode(try JSONParser.parse(Data(stored.rule.utf8)), file: "result_rules")
    }

    /// Sets the rule for `year`, audited with the rule before and after.
    public func setRule(_ rule: ResultUseRule, year: Int, actor: AuditActor) async throws {
        try await database.transaction { database in
            let row = try await ResultRuleModel.query(on: database).filter(\.$year == year).first() ?? ResultRuleModel()
            let before = row.id == nil ? "" : row.rule
            row.year = year
            row.rule = ResultUseRuleJSON.encode(rule).serialized()
            row.changedBy = actor.name
            row.changedAt = Date()
            try await row.save(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "results.rule", subject: String(year),
                                      before: before, after: row.rule)
        }
    }

    /// One department's suggestion with what it rests on.
    public struct Row: Sendable, Equatable {
        public var department: DepartmentComparison.Row
        /// Whether the department holds the year: a unit of the bureau's that sent nothing has no budget here, and
        /// its suggestion's amount is the bureau's to set.
        public var submitted: Bool
        /// The day (in China) its self-evaluation first reached the bureau, when it has.
        public var received: CivilDate?
        public var timeliness: ResultUseRule.Timeliness
        public var suggestion: ResultUseRule.Suggestion
    }

    /// Every department of `year` (one organisation's when given), in code order, as seen on `today`: the grade
    /// that counts (the re-check's where there was one), this year's budget and the self-evaluation's timeliness
    /// against the campaign's deadline. Once the bureau has opened the year's campaign, every budget unit it holds
    /// (its 单位名录) is expected: a unit that holds no data of the year is listed as not submitted.
    public func rows(year: Int, today: CivilDate, organisation: String? = nil) async throws -> [Row] {
        let rule = try await rule(year: year)
        let campaign = try await ReviewCampaigns(database: database).all()[year]
        let received = try await receivedDates(year: year)
        var departments = try await DepartmentComparison(database: database).rows(year: year, organisation: organisation)
            .map { ($0, true) }
        if campaign != nil {
            departments += try await unitsWithout(year: year, organisation: organisation).map { ($0, false) }
            departments.sort { $0.0.code < $1.0.code }
        }
        return departments.map { row, submitted in
            let timeliness = ResultUseRule.Timeliness.of(received: received[row.code], due: campaign?.evaluationDue,
                                                         today: today)
            return Row(department: row, submitted: submitted, received: received[row.code], timeliness: timeliness,
                       suggestion: rule.suggest(grade: row.total == nil ? nil : row.finalGrade, timeliness: timeliness,
                                                budget: row.adjusted))
        }
    }

    /// The budget units that hold no data of `year`, as rows without figures.
    func unitsWithout(year: Int, organisation: String?) async throws -> [DepartmentComparison.Row] {
        let sql = database as! any SQLDatabase
        var query = sql.select().column("code").column("name").column("region").column("group_name").column("category")
            .from(SQLAlias(SQLIdentifier(OrganisationModel.schema), as: SQLIdentifier("o")))
            .where("kind", .equal, SQLBind("department"))
            .where(SQLQueryString("""
                NOT EXISTS (SELECT 1 FROM \(ident: FiscalYearModel.schema) AS f \
                WHERE f.organisation_id = o.id AND f.year = \(bind: year))
                """))
        if let organisation { query = query.where("code", .equal, SQLBind(organisation)) }
        return try await query.orderBy("code").all().map { unit in
            DepartmentComparison.Row(code: try unit.decode(column: "code", as: String.self),
                                     name: try unit.decode(column: "name", as: String.self),
                                     attributes: OrganisationAttributes(
                                        region: try unit.decode(column: "region", as: String.self),
                                        group: try unit.decode(column: "group_name", as: String.self),
                                        category: try unit.decode(column: "category", as: String.self)),
                                     adjusted: .zero, rate: nil, total: nil, grade: "", findings: 0, unsupported: .zero)
        }
    }

    /// By department code, the first day its self-evaluation of `year` reached the bureau (its head approved it).
    func receivedDates(year: Int) async throws -> [String: CivilDate] {
        var dates: [String: CivilDate] = [:]
        for event in try await ReviewEventModel.query(on: database).filter(\.$year == year)
            .filter(\.$round == ReviewRound.selfEvaluation.rawValue)
            .filter(\.$toState == ReviewState.departmentApproved.rawValue).with(\.$organisation).all() {
            let day = ChinaClock.date(of: event.at)
            dates[event.organisation.code] = min(dates[event.organisation.code] ?? day, day)
        }
        return dates
    }
}
