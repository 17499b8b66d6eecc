import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// A year's budget lines one at a time: added, changed and removed with version checks and audit entries. A line
/// that payments are booked to cannot be removed, and its code cannot change under them.
public struct BudgetLineRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// Why a change to a line was refused.
    public enum Refusal: Error, Equatable {
        /// Changed or removed by someone else since it was read.
        case conflict
        /// Another line of the year has the code.
        case duplicateCode(String)
        /// Payments are booked to the line.
        case inUse(payments: Int)
    }

    /// The year's lines in their order, each with its monthly plan and last year's months.
    public func lines(of year: StoredYear) async throws -> [Stored<BudgetLine>] {
        try await rows(yearID: year.id).map { try Self.stored($0, unit: year.moneyUnit) }
    }

    /// The line `id` of the year, or nil when the year has none.
    public func find(_ id: UUID, in year: StoredYear) async throws -> Stored<BudgetLine>? {
        try await row(id, yearID: year.id).map { try Self.stored($0, unit: year.moneyUnit) }
    }

    func rows(yearID: UUID) async throws -> [BudgetLineModel] {
        try await BudgetLineModel.query(on: database).filter(\.$fiscalYear.$id == yearID).sort(\.$position).all()
    }

    func row(_ id: UUID, yearID: UUID) async throws -> BudgetLineModel? {
        try await BudgetLineModel.query(on: database).filter(\.$id == id).filter(\.$fiscalYear.$id == yearID).first()
    }

    public func create(_ line: BudgetLine, yearID: UUID, subject: String, actor: AuditActor) async throws {
        try await YearChange.commit(claiming: yearID, kind: .budget, actor: actor, on: database) { database in
            let repository = BudgetLineRepository(database: database)
            let existing = try await repository.rows(yearID: yearID)
            guard !existing.contains(where: { $0.code == line.code }) else { throw Refusal.duplicateCode(line.code) }
            let model = BudgetLineModel()
            model.$fiscalYear.id = yearID
            model.organisationID = try await YearRows.owner(of: yearID, on: database)
            model.position = (existing.map(\.position).max() ?? -1) + 1
            try BudgetLineRepository.fill(model, from: line)
            model.version = 1
            try await model.create(on: database)
            return .init((), yearID: yearID,
                         audit: .init(action: "line.create", subject: subject, after: BudgetLineRepository.describe(line)))
        }
    }

    /// Changes a line if it is still at `version`. Its monthly plan is kept.
    public func update(_ id: UUID, yearID: UUID, version: Int, to line: BudgetLine, subject: String,
                       actor: AuditActor) async throws {
        try await YearChange.commit(claiming: yearID, kind: .budget, actor: actor, on: database) { database in
            let repository = BudgetLineRepository(database: database)
            guard let stored = try await repository.row(id, yearID: yearID) else { throw Refusal.conflict }
            let before = BudgetLineRepository.describe(BudgetLineRepository.line(stored))
            if stored.code != line.code {
                if try await repository.rows(yearID: yearID).contains(where: { $0.code == line.code }) {
                    throw Refusal.duplicateCode(line.code)
                }
                let booked = try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                    .filter(\.$lineCode == stored.code).count()
                guard booked == 0 else { throw Refusal.inUse(payments: booked) }
            }
            let sql = database as! any SQLDatabase
            let changed = try await sql.update(BudgetLineModel.schema)
                .set("code", to: SQLBind(line.code)).set("name", to: SQLBind(line.name))
                .set("kind", to: SQLBind(line.kind.rawValue)).set("initial_fen", to: SQLBind(try line.initial.column()))
                .set("adjusted_fen", to: SQLBind(try line.adjusted.column()))
                .set("executed_fen", to: SQLBind(try line.declaredExecuted?.column()))
                .set("version", to: SQLBind(version + 1))
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
                .returning("id").all()
            guard !changed.isEmpty else { throw Refusal.conflict }
            return .init((), yearID: yearID, audit: .init(action: "line.update", subject: subject, before: before,
                                                          after: BudgetLineRepository.describe(line)))
        }
    }

    /// Replaces a line's monthly payment plan if the line is still at `version`; the year's evaluation is refreshed
    /// (the plan is what "behind plan" is judged against). Audited with the plan before and after.
    public func updatePlan(_ id: UUID, fiscal: StoredYear, version: Int, plan: [MonthlyAmount], subject: String,
                           actor: AuditActor) async throws {
        let yearID = fiscal.id
        let text = YearRows.monthlyJSON(plan.sorted { $0.month < $1.month }, unit: fiscal.moneyUnit)
        try await YearChange.commit(claiming: yearID, kind: .budget, actor: actor, on: database) { database in
            guard let stored = try await BudgetLineRepository(database: database).row(id, yearID: yearID) else {
                throw Refusal.conflict
            }
            let sql = database as! any SQLDatabase
            let changed = try await sql.update(BudgetLineModel.schema).set("plan", to: SQLBind(text))
                .set("version", to: SQLBind(version + 1))
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
                .returning("id").all()
            guard !changed.isEmpty else { throw Refusal.conflict }
            try await LinePlanMonths.replace(lineID: id, with: plan, yearID: yearID,
                                             organisationID: stored.organisationID, on: database)
            return .init((), yearID: yearID, audit: .init(action: "line.plan", subject: "\(subject)/\(stored.code)",
                                                          before: stored.plan, after: text))
        }
    }

    public func delete(_ id: UUID, yearID: UUID, version: Int, subject: String,
                       actor: AuditActor) async throws {
        try await YearChange.commit(claiming: yearID, kind: .budget, actor: actor, on: database) { database in
            guard let stored = try await BudgetLineRepository(database: database).row(id, yearID: yearID) else {
                throw Refusal.conflict
            }
            let booked = try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                .filter(\.$lineCode == stored.code).count()
            guard booked == 0 else { throw Refusal.inUse(payments: booked) }
            let sql = database as! any SQLDatabase
            let removed = try await sql.delete(from: BudgetLineModel.schema)
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
                .returning("id").all()
            guard !removed.isEmpty else { throw Refusal.conflict }
            return .init((), yearID: yearID, audit: .init(
                action: "line.delete", subject: subject,
                before: BudgetLineRepository.describe(BudgetLineRepository.line(stored))))
        }
    }

    /// Each year's lines with their months, in their order, read as plain rows (a province's lines are too many for
    /// Fluent's models); `units` gives each year's money unit.
    static func lines(yearIDs: [UUID], units: [UUID: Money.Unit], on database: any Database) async throws
        -> [UUID: [BudgetLine]] {
        try await (database as! any SQLDatabase).select()
            .columns("year_id", "code", "name", "kind", "source", "initial_fen", "adjusted_fen", "executed_fen", "plan",
                     "last_year")
            .from(BudgetLineModel.schema).where("year_id", .in, SQLBind.group(yearIDs)).orderBy("position").all()
            .reduce(into: [:]) { result, row in
                let yearID = try row.decode(column: "year_id", as: UUID.self)
                let unit = units[yearID] ?? .yuan
                result[yearID, default: []].append(BudgetLine(
                    code: try row.decode(column: "code", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    kind: BudgetLine.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .project,
                    source: try row.decode(column: "source", as: String?.self).flatMap(BudgetLine.FundingSource.init(rawValue:)),
                    initial: Money(fen: try row.decode(column: "initial_fen", as: Int64.self)),
                    adjusted: Money(fen: try row.decode(column: "adjusted_fen", as: Int64.self)),
                    declaredExecuted: try row.decode(column: "executed_fen", as: Int64?.self).map(Money.init(fen:)),
                    plan: YearRows.monthly(try row.decode(column: "plan", as: String.self), unit: unit),
                    lastYear: YearRows.monthly(try row.decode(column: "last_year", as: String?.self), unit: unit)))
            }
    }

    /// The stored row as the engine's value with its months, read in the year's unit.
    static func stored(_ model: BudgetLineModel, unit: Money.Unit) throws -> Stored<BudgetLine> {
        var line = line(model)
        line.plan = YearRows.monthly(model.plan, unit: unit)
        line.lastYear = YearRows.monthly(model.lastYear, unit: unit)
        return Stored(id: try model.requireID(), version: model.version, value: line)
    }

    /// The stored row as the engine's value (without its plan).
    static func line(_ model: BudgetLineModel) -> BudgetLine {
        BudgetLine(code: model.code, name: model.name, kind: BudgetLine.Kind(rawValue: model.kind) ?? .project,
                   source: model.source.flatMap(BudgetLine.FundingSource.init(rawValue:)), initial: Money(fen: model.initialFen), adjusted: Money(fen: model.adjustedFen),
                   declaredExecuted: model.executedFen.map(Money.init(fen:)))
    }

    /// Copies a line's fields onto a row; a new row starts without a monthly plan.
    static func fill(_ model: BudgetLineModel, from line: BudgetLine) throws {
        model.code = line.code
        model.name = line.name
        model.kind = line.kind.rawValue
        model.source = line.source?.rawValue
        model.initialFen = try line.initial.column()
        model.adjustedFen = try line.adjusted.column()
        model.executedFen = try line.declaredExecuted?.column()
        model.plan = "[]"
    }

    static func describe(_ line: BudgetLine) -> String {
        var fields: [JSONValue.Member] = [
            .init("code", .string(line.code)), .init("name", .string(line.name)), .init("kind", .string(line.kind.rawValue)),
        ]
        if let source = line.source { fields.append(.init("source", .string(source.rawValue))) }
        fields += [.init("initial", .string(line.initial.yuanString)), .init("adjusted", .string(line.adjusted.yuanString))]
        if let executed = line.declaredExecuted { fields.append(.init("executed", .string(executed.yuanString))) }
        return JSONValue.object(fields).serialized()
    }
}
