import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// The mapping between a department-year's bundle and the store's rows: the bundle's JSON shape is kept for the
/// small structured parts, payments and budget lines become columns.
enum YearRows {
    /// Inserts the year's rows; returns the new fiscal year's id.
    @discardableResult
    static func insert(_ year: DepartmentYear, organisationID: UUID, on database: any Database) async throws -> UUID {
        guard case .object(let bundle) = BundleWriter.encode(year) else { preconditionFailure("a bundle is an object") }
        func member(_ key: String) -> JSONValue? { bundle.first { $0.key == key }?.value }
        let fiscal = FiscalYearModel()
        fiscal.$organisation.id = organisationID
        fiscal.year = year.year
        fiscal.template = (member("template") ?? .null).serialized()
        fiscal.moneyUnit = year.moneyUnit.rawValue
        fiscal.overview = year.department.overview
        fiscal.goal = year.goal
        fiscal.tasks = (member("tasks") ?? .array([])).serialized()
        fiscal.narrative = (member("narrative") ?? .object([])).serialized()
        fiscal.version = 1
        try await fiscal.create(on: database)
        let yearID = try fiscal.requireID()
        try await AssetColumns.set(year.assets, yearID: yearID, on: database as! any SQLDatabase)

        var plans: [(lineID: UUID, plan: [MonthlyAmount])] = []
        for (position, line) in year.budgetLines.enumerated() {
            let model = BudgetLineModel()
            model.$fiscalYear.id = yearID
            model.organisationID = organisationID
            model.position = position
            try BudgetLineRepository.fill(model, from: line)
            model.plan = monthlyJSON(line.plan, unit: year.moneyUnit)
            model.lastYear = line.lastYear.isEmpty ? nil : monthlyJSON(line.lastYear, unit: year.moneyUnit)
            model.version = 1
            try await model.create(on: database)
            plans.append((try model.requireID(), line.plan))
        }
        try await LinePlanMonths.insert(plans, yearID: yearID, organisationID: organisationID, on: database)
        try await PaymentRows.insert(year.payments, yearID: yearID, organisationID: organisationID, on: database)
        // Projects (each with its template and indicator tree) stay bundle JSON, in one multi-row insert.
        let projects = elements(member("projects"))
        let sql = database as! any SQLDatabase
        var ids = TimeOrderedIDs()
        for start in stride(from: 0, to: projects.count, by: 1_000) {
            var insert = sql.insert(into: RecordModel.schema)
                .columns(["id", "year_id", "kind", "position", "key", "title", "definition", "version", Distribution.column])
            for position in start..<min(projects.count, start + 1_000) {
                let project = projects[position]
                insert = insert.values([SQLBind(ids.next()), SQLBind(yearID), SQLBind("project"), SQLBind(position),
                                        SQLBind(project["code"]?.string ?? ""), SQLBind(project["name"]?.string ?? ""),
                                        SQLBind(project.serialized()), SQLBind(1), SQLBind(organisationID)])
            }
            try await insert.run()
        }
        try await RecordTables.add(RecordTables.values(RecordTables.Records(year)), yearID: yearID,
                                   organisationID: organisationID, on: database)
        return yearID
    }

    /// Amounts by month as stored in a line's `plan` and `last_year` columns: `[{ "month", "amount" }]` in the year's
    /// unit, as the bundle writes them.
    static func monthlyJSON(_ months: [MonthlyAmount], unit: Money.Unit) -> String {
        JSONValue.array(months.map {
            .object(["month": .number(String($0.month)), "amount": .string($0.amount.decimalString(in: unit))])
        }).serialized()
    }

    /// The amounts by month stored in a `plan` or `last_year` column; entries that do not read are left out (the
    /// bundle reader checks the year as a whole).
    static func monthly(_ text: String?, unit: Money.Unit) -> [MonthlyAmount] {
        guard let text, case .array(let entries)? = try? JSONParser.parse(Data(text.utf8)) else { return [] }
        return entries.compactMap { entry in
            guard case .number(let month)? = entry["month"], let number = Int(month),
                  case .string(let amount)? = entry["amount"], let money = Money(decimal: amount, unit: unit) else {
                return nil
            }
            return MonthlyAmount(month: number, amount: money)
        }
    }

    /// The department whose year `yearID` is; a year removed meanwhile is a change that lost its race
    /// (``YearRepository/Stale``).
    static func owner(of yearID: UUID, on database: any Database) async throws -> UUID {
        guard let row = try await (database as! any SQLDatabase).select().column(Distribution.column)
            .from(FiscalYearModel.schema).where("id", .equal, SQLBind(yearID)).first() else {
            throw YearRepository.Stale()
        }
        return try row.decode(column: Distribution.column, as: UUID.self)
    }

    static func delete(_ fiscal: StoredYear, on database: any Database) async throws {
        let id = fiscal.id
        try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == id).delete()
        try await PaymentDays.removeAll(yearID: id, on: database)
        try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == id).delete()
        try await BudgetLineModel.query(on: database).filter(\.$fiscalYear.$id == id).delete()
        try await FiscalYearModel.query(on: database).filter(\.$id == id).delete()
        // Its passages go with it (the fingerprints are deleted with the year).
        try await PassageFingerprints.renew(year: fiscal.year, on: database)
    }

    /// A fiscal year's own row with its department's code and name: what the year is read back from besides its
    /// lines, payments and records.
    struct FiscalRow: Sendable {
        var id: UUID
        var organisationID: UUID
        var code: String
        var name: String
        var year: Int
        var template: String
        var moneyUnit: String
        var overview: String
        var goal: String
        var tasks: String
        var narrative: String
        var assets: Assets?

        /// The row of the fiscal year `id`.
        static func find(id: UUID, on database: any Database) async throws -> FiscalRow? {
            try await select(on: database).where(SQLColumn("id", table: "f"), .equal, SQLBind(id)).first().map(FiscalRow.init)
        }

        /// The row of department `code`'s fiscal year `year`.
        static func find(code: String, year: Int, on database: any Database) async throws -> FiscalRow? {
            try await of(code: code, year: year, select(on: database)).first().map(FiscalRow.init)
        }

        /// The rows of the fiscal years `year` of the departments `codes` that hold it.
        static func find(codes: [String], year: Int, on database: any Database) async throws -> [FiscalRow] {
            try await select(on: database).where(SQLColumn("code", table: "o"), .in, SQLBind.group(codes))
                .where(SQLColumn("year", table: "f"), .equal, SQLBind(year)).all().map(FiscalRow.init)
        }

        /// `select` narrowed to department `code`'s fiscal year `year` (`f`, with its organisation `o`).
        static func of(code: String, year: Int, _ select: SQLSelectBuilder) -> SQLSelectBuilder {
            select.where(SQLColumn("code", table: "o"), .equal, SQLBind(code))
                .where(SQLColumn("year", table: "f"), .equal, SQLBind(year))
        }

        /// `columns` of the fiscal years (`f`) joined with their organisations (`o`).
        static func joined(_ columns: [SQLColumn], on database: any Database) -> SQLSelectBuilder {
            columns.reduce((database as! any SQLDatabase).select()) { $0.column($1) }
                .from(SQLAlias(SQLIdentifier(FiscalYearModel.schema), as: SQLIdentifier("f")))
                .joiningOrganisation(of: "f")
        }

        private static func select(on database: any Database) -> SQLSelectBuilder {
            joined([SQLColumn("code", table: "o"), SQLColumn("name", table: "o")]
                + ["id", "organisation_id", "year", "template", "money_unit", "overview", "goal", "tasks", "narrative",
                  ].map { SQLColumn($0, table: "f") } + AssetColumns.names.map { SQLColumn($0, table: "f") },
                   on: database)
        }

        private init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            organisationID = try row.decode(column: "organisation_id", as: UUID.self)
            code = try row.decode(column: "code", as: String.self)
            name = try row.decode(column: "name", as: String.self)
            year = try row.decode(column: "year", as: Int.self)
            template = try row.decode(column: "template", as: String.self)
            moneyUnit = try row.decode(column: "money_unit", as: String.self)
            overview = try row.decode(column: "overview", as: String.self)
            goal = try row.decode(column: "goal", as: String.self)
            tasks = try row.decode(column: "tasks", as: String.self)
            narrative = try row.decode(column: "narrative", as: String.self)
            assets = try AssetColumns.assets(row)
        }
    }

    /// The stored year `yearID` as a bundle without its payments, for ``BundleReader`` to check with a change: the
    /// year read from its rows (``YearRepository``) and written by ``BundleWriter``. Nothing the reader checks of a
    /// change depends on the payments (each was checked against the lines when written, and a line with payments
    /// keeps its code). A year removed meanwhile is a change that lost its race (``YearRepository/Stale``).
    static func bundle(yearID: UUID, on database: any Database) async throws -> JSONValue {
        guard let fiscal = try await FiscalRow.find(id: yearID, on: database),
              let year = try await YearRepository.load([fiscal], payments: nil, on: database)[fiscal.id] else {
            throw YearRepository.Stale()
        }
        return BundleWriter.encode(try year.get())
    }

    /// The year's records kept as bundle JSON (projects) by kind, in their order.
    static func definitions(yearID: UUID, on database: any Database) async throws -> [String: [JSONValue]] {
        try await definitions(yearIDs: [yearID], on: database)[yearID] ?? [:]
    }

    /// Each year's records kept as bundle JSON by kind, in their order.
    static func definitions(yearIDs: [UUID], on database: any Database) async throws -> [UUID: [String: [JSONValue]]] {
        try await (database as! any SQLDatabase).select().columns("year_id", "kind", "definition")
            .from(RecordModel.schema).where("year_id", .in, SQLBind.group(yearIDs))
            .where("kind", .notIn, SQLBind.group(RecordTables.kinds.map(\.0))).orderBy("position").all()
            .reduce(into: [:]) { result, record in
                let text = try record.decode(column: "definition", as: String.self)
                result[try record.decode(column: "year_id", as: UUID.self), default: [:]][
                    try record.decode(column: "kind", as: String.self), default: []]
                    .append((try? JSONParser.parse(Data(text.utf8))) ?? .null)
            }
    }

    private static func elements(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let values)? = value { return values }
        return []
    }
}
