import Fluent
import Foundation
import JixiaoCore
import SQLKit

extension RecordTables {
    /// A typed row that does not read as its value: written past the store (the store writes only values the
    /// bundle reader accepted).
    struct Unreadable: Error, CustomStringConvertible {
        let table: String
        let id: UUID
        var description: String { "表 \(table) 中记录 \(id) 的数据无法读取（可能被绕过系统直接修改）" }
    }

    /// The year's typed records.
    static func read(yearID: UUID, on database: any Database) async throws -> Records {
        try await read(yearIDs: [yearID], on: database)[yearID] ?? Records()
    }

    /// The typed records of each of the years, read from their tables: one query for each table, each joined to the
    /// years' `records` rows on the record and its organisation (a distributed store joins them on one shard).
    static func read(yearIDs: [UUID], on database: any Database) async throws -> [UUID: Records] {
        let quantities = try await children(activityQuantities, columns[activityQuantities] ?? [], yearIDs: yearIDs,
                                            on: database)
            .reduce(into: [UUID: [String: Rational]]()) { result, row in
                let id = try row.decode(column: "record_id", as: UUID.self)
                guard let value = Rational(fraction: try row.decode(column: "value", as: String.self)) else {
                    throw Unreadable(table: activityQuantities, id: id)
                }
                result[id, default: [:]][try row.decode(column: "name", as: String.self)] = value
            }
        let activities = try await grouped(rows(of: RecordTables.activities, columns[RecordTables.activities] ?? [],
                                                yearIDs: yearIDs, on: database)) { row -> Activity in
                guard let date = CivilDate(iso: try row.decode(column: "date", as: String.self)) else {
                    throw Unreadable(table: RecordTables.activities, id: try row.decode(column: "id", as: UUID.self))
                }
                return Activity(date: date, title: try row.decode(column: "title", as: String.self),
                                kind: try row.decode(column: "kind", as: String.self),
                                quantities: quantities[try row.decode(column: "id", as: UUID.self)] ?? [:])
            }
        let procurements = try await grouped(rows(of: RecordTables.procurements,
                                                  columns[RecordTables.procurements] ?? [], yearIDs: yearIDs,
                                                  on: database)) { row -> Procurement in
                let dates = try procurementDateColumns.map { column in
                    try row.decode(column: column, as: String?.self).flatMap(CivilDate.init(iso:))
                }
                return Procurement(name: try row.decode(column: "title", as: String.self),
                                   line: try row.decode(column: "line", as: String?.self),
                                   amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                                   intentPublished: dates[0], started: dates[1], awarded: dates[2],
                                   contractSigned: dates[3], contractPublished: dates[4], contractFiled: dates[5])
            }
        let indicators = try await indicators(yearIDs: yearIDs, on: database)
        let workPlan = try await workPlan(yearIDs: yearIDs, on: database)
        return Dictionary(uniqueKeysWithValues: yearIDs.map { id in
            (id, Records(indicators: indicators[id] ?? [], activities: activities[id] ?? [],
                         procurements: procurements[id] ?? [], workPlan: workPlan[id] ?? []))
        })
    }

    private static func workPlan(yearIDs: [UUID], on database: any Database) async throws -> [UUID: [WorkTask]] {
        var links: [UUID: (indicators: [String], lines: [String])] = [:]
        for row in try await children(taskLinks, columns[taskLinks] ?? [], yearIDs: yearIDs, on: database,
                                      orderedBy: "position") {
            let id = try row.decode(column: "record_id", as: UUID.self)
            let code = try row.decode(column: "code", as: String.self)
            if try row.decode(column: "kind", as: String.self) == "indicator" {
                links[id, default: ([], [])].indicators.append(code)
            } else {
                links[id, default: ([], [])].lines.append(code)
            }
        }
        var payments: [UUID: [WorkTask.PlannedPayment]] = [:]
        for row in try await children(taskPayments, columns[taskPayments] ?? [], yearIDs: yearIDs,
                                      on: database, orderedBy: "position") {
            payments[try row.decode(column: "record_id", as: UUID.self), default: []].append(WorkTask.PlannedPayment(
                line: try row.decode(column: "line", as: String.self), month: try row.decode(column: "month", as: Int.self),
                amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self))))
        }
        return try await grouped(rows(of: tasks, (columns[tasks] ?? []) + TaskColumns.names.map { "r." + $0 },
                                      yearIDs: yearIDs, on: database)) { row -> WorkTask in
                let id = try row.decode(column: "id", as: UUID.self)
                guard let start = CivilDate(iso: try row.decode(column: "start", as: String.self)),
                      let due = try row.decode(column: "task_due", as: String?.self).flatMap(CivilDate.init(iso:)),
                      let status = try row.decode(column: "task_status", as: String?.self)
                        .flatMap(WorkTask.Status.init(rawValue:)),
                      let progress = Rational(fraction: try row.decode(column: "progress", as: String.self)) else {
                    throw Unreadable(table: tasks, id: id)
                }
                return WorkTask(
                    id: try row.decode(column: "key", as: String.self), keyTask: try row.decode(column: "key_task", as: Int?.self),
                    title: try row.decode(column: "title", as: String.self),
                    owner: try row.decode(column: "owner", as: String.self), start: start, due: due,
                    deliverable: try row.decode(column: "deliverable", as: String.self),
                    requirement: try row.decode(column: "requirement", as: String.self),
                    indicators: links[id]?.indicators ?? [], lines: links[id]?.lines ?? [],
                    plannedPayments: payments[id] ?? [], status: status,
                    progress: progress,
                    completed: try row.decode(column: "task_completed", as: String?.self).flatMap(CivilDate.init(iso:)))
            }
    }

    /// Values made of `rows` by `make`, by the year each row is of (its `year_id`), in the rows' order.
    static func grouped<Value>(_ rows: [any SQLRow], _ make: (any SQLRow) throws -> Value) throws -> [UUID: [Value]] {
        try rows.reduce(into: [:]) { result, row in
            result[try row.decode(column: "year_id", as: UUID.self), default: []].append(try make(row))
        }
    }

    /// The years' records with the typed table's `columns` (a name with `r.` is a column of `records`), with the
    /// record's id, year, key and title, in the records' order.
    static func rows(of table: String, _ columns: [String], yearIDs: [UUID],
                     on database: any Database) async throws -> [any SQLRow] {
        var select = (database as! any SQLDatabase).select()
            .column(SQLColumn("id", table: "r")).column(SQLColumn("year_id", table: "r")).column(SQLColumn("key", table: "r"))
            .column(SQLColumn("title", table: "r"))
        for column in columns {
            select = column.hasPrefix("r.") ? select.column(SQLColumn(String(column.dropFirst(2)), table: "r"))
                : select.column(SQLColumn(column, table: "t"))
        }
        return try await joined(select, table, yearIDs: yearIDs).orderBy(SQLColumn("position", table: "r")).all()
    }

    /// The rows of a child table for the years' records, with their record's id, in `orderedBy` order.
    static func children(_ table: String, _ columns: [String], yearIDs: [UUID], on database: any Database,
                         orderedBy order: String? = nil) async throws -> [any SQLRow] {
        var select = (database as! any SQLDatabase).select().column(SQLColumn("record_id", table: "t"))
        for column in columns { select = select.column(SQLColumn(column, table: "t")) }
        select = joined(select, table, yearIDs: yearIDs)
        if let order { select = select.orderBy(SQLColumn(order, table: "t")) }
        return try await select.all()
    }

    /// `select` from the typed table `table` (as `t`) joined to the years' `records` rows (as `r`).
    private static func joined(_ select: SQLSelectBuilder, _ table: String, yearIDs: [UUID]) -> SQLSelectBuilder {
        select.from(SQLAlias(SQLIdentifier(table), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier(RecordModel.schema), as: SQLIdentifier("r")), method: SQLJoinMethod.inner,
                  on: SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("id", table: "r"), .equal, SQLColumn("record_id", table: "t")),
                    .and,
                    SQLBinaryExpression(SQLColumn(Distribution.column, table: "r"),
                                        .equal, SQLColumn(Distribution.column, table: "t"))))
            .where(SQLColumn("year_id", table: "r"), .in, SQLBind.group(yearIDs))
            // The kind too, so that the records' index by year and kind finds only the table's records.
            .where(SQLColumn("kind", table: "r"), .equal, SQLBind(kindOf[table] ?? ""))
    }
}
