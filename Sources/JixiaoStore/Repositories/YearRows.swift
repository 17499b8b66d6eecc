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
        fiscal.assets = member("assets")?.serialized()
        fiscal.version = 1
        try await fiscal.create(on: database)
        let yearID = try fiscal.requireID()

        for (position, line) in year.budgetLines.enumerated() {
            let model = BudgetLineModel()
            model.$fiscalYear.id = yearID
            model.position = position
            try BudgetLineRepository.fill(model, from: line)
            model.plan = monthlyJSON(line.plan, unit: year.moneyUnit)
            model.lastYear = line.lastYear.isEmpty ? nil : monthlyJSON(line.lastYear, unit: year.moneyUnit)
            model.version = 1
            try await model.create(on: database)
        }
        try await PaymentRows.insert(year.payments, yearID: yearID, on: database)
        let records: [(String, [JSONValue], (JSONValue) -> (String, String))] = [
            ("indicator", elements(member("indicators")), { ($0["id"]?.string ?? "", $0["name"]?.string ?? "") }),
            ("activity", elements(member("activities")), { ("", $0["title"]?.string ?? "") }),
            ("procurement", elements(member("procurements")), { ("", $0["name"]?.string ?? "") }),
            ("task", elements(member("workPlan")), { ($0["id"]?.string ?? "", $0["title"]?.string ?? "") }),
            ("project", elements(member("projects")), { ($0["code"]?.string ?? "", $0["name"]?.string ?? "") }),
        ]
        // One multi-row insert for the records: a model saved at a time cost more than the rest of an import.
        let rows = records.flatMap { kind, values, label in
            values.enumerated().map { position, value in (kind, position, label(value), value.serialized()) }
        }
        let sql = database as! any SQLDatabase
        var ids = TimeOrderedIDs()
        for start in stride(from: 0, to: rows.count, by: 1_000) {
            var insert = sql.insert(into: RecordModel.schema)
                .columns("id", "year_id", "kind", "position", "key", "title", "definition", "version")
            for (kind, position, label, definition) in rows[start..<min(rows.count, start + 1_000)] {
                insert = insert.values(SQLBind(ids.next()), SQLBind(yearID), SQLBind(kind), SQLBind(position),
                                       SQLBind(label.0), SQLBind(label.1), SQLBind(definition), SQLBind(1))
            }
            try await insert.run()
        }
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

    static func delete(_ fiscal: FiscalYearModel, on database: any Database) async throws {
        let id = try fiscal.requireID()
        try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == id).delete()
        try await PaymentDays.removeAll(yearID: id, on: database)
        try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == id).delete()
        try await BudgetLineModel.query(on: database).filter(\.$fiscalYear.$id == id).delete()
        try await fiscal.delete(on: database)
    }

    /// The stored year as a bundle, for ``BundleReader`` to check and decode; `withPayments: false` leaves its
    /// payments out. Nothing the reader checks of a change to the rest depends on the payments (each was checked
    /// against the lines when written, and a line with payments keeps its code), so changes are checked without
    /// them, and evaluation reads the days' totals instead (``YearRepository/PaymentDetail``).
    static func bundle(organisation: OrganisationModel, year fiscal: FiscalYearModel, withPayments: Bool,
                       on database: any Database) async throws -> JSONValue {
        let id = try fiscal.requireID()
        let unit = Money.Unit(rawValue: fiscal.moneyUnit) ?? .yuan
        let lines = try await BudgetLineModel.query(on: database).filter(\.$fiscalYear.$id == id)
            .sort(\.$position).all()
        let payments = withPayments
            ? try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == id).sort(\.$position).all() : []
        let records = try await RecordModel.query(on: database).filter(\.$fiscalYear.$id == id)
            .sort(\.$position).all()
        func parsed(_ text: String) -> JSONValue { (try? JSONParser.parse(Data(text.utf8))) ?? .null }
        func money(_ fen: Int64) -> JSONValue { .string(Money(fen: fen).decimalString(in: unit)) }
        var members: [JSONValue.Member] = [
            .init("format", .string(BundleReader.format)),
            .init("year", .number(String(fiscal.year))),
            .init("template", parsed(fiscal.template)),
            .init("moneyUnit", .string(unit.rawValue)),
            .init("department", .object(["code": .string(organisation.code), "name": .string(organisation.name),
                                         "overview": .string(fiscal.overview)])),
            .init("tasks", parsed(fiscal.tasks)),
            .init("goal", .string(fiscal.goal)),
            .init("budget", .object(["lines": .array(lines.map { line in
                var fields: [JSONValue.Member] = [
                    .init("code", .string(line.code)), .init("name", .string(line.name)),
                    .init("kind", .string(line.kind)),
                ]
                if let source = line.source { fields.append(.init("source", .string(source))) }
                fields += [.init("initial", money(line.initialFen)), .init("adjusted", money(line.adjustedFen))]
                if let executed = line.executedFen { fields.append(.init("executed", money(executed))) }
                fields.append(.init("plan", parsed(line.plan)))
                if let lastYear = line.lastYear { fields.append(.init("lastYear", parsed(lastYear))) }
                return .object(fields)
            })])),
            .init("payments", .array(payments.map { payment in
                .object(["line": .string(payment.lineCode), "date": .string(payment.date),
                         "amount": money(payment.amountFen), "payee": .string(payment.payee),
                         "voucher": .string(payment.voucher), "memo": .string(payment.memo)])
            })),
        ]
        for (kind, key) in [("indicator", "indicators"), ("task", "workPlan"), ("activity", "activities"),
                            ("procurement", "procurements")] {
            members.append(.init(key, .array(records.filter { $0.kind == kind }.map { parsed($0.definition) })))
        }
        if let assets = fiscal.assets { members.append(.init("assets", parsed(assets))) }
        let projects = records.filter { $0.kind == "project" }
        if !projects.isEmpty { members.append(.init("projects", .array(projects.map { parsed($0.definition) }))) }
        members.append(.init("narrative", parsed(fiscal.narrative)))
        return .object(members)
    }

    private static func elements(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let values)? = value { return values }
        return []
    }
}
