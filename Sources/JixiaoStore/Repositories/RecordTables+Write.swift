import Fluent
import Foundation
import JixiaoCore
import SQLKit

extension RecordTables {
    /// Adds records of the typed kinds to a year: their `records` rows (new ids, version 1) and their typed rows, in
    /// multi-row inserts.
    static func add(_ values: [(position: Int, value: Value)], yearID: UUID, organisationID: UUID,
                    on database: any Database) async throws {
        var ids = TimeOrderedIDs()
        let rows = values.map { (id: ids.next(), position: $0.position, value: $0.value) }
        try await insert(rows.map { row in
            [SQLBind(row.id), SQLBind(yearID), SQLBind(row.value.kind), SQLBind(row.position),
             SQLBind(row.value.label.key), SQLBind(row.value.label.title), SQLBind(""), SQLBind(1),
             SQLBind(organisationID)] + row.value.taskColumns.map { SQLBind($0) }
        }, into: RecordModel.schema,
           columns: ["id", "year_id", "kind", "position", "key", "title", "definition", "version", Distribution.column]
            + TaskColumns.names, on: database)
        try await insertFields(rows.map { ($0.id, $0.value) }, organisationID: organisationID, on: database)
    }

    /// Replaces the typed rows of the record `id` (whose `records` row stays) with `value`'s, and its `records` row's
    /// title and task columns.
    static func replaceFields(of id: UUID, with value: Value, organisationID: UUID,
                              on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in all where kindOf[table] == value.kind {
            try await sql.delete(from: table).where("record_id", .equal, SQLBind(id)).run()
        }
        var update = sql.update(RecordModel.schema).set("title", to: SQLBind(value.label.title))
        for (column, text) in zip(TaskColumns.names, value.taskColumns) {
            update = update.set(SQLIdentifier(column), to: SQLBind(text))
        }
        try await update.where("id", .equal, SQLBind(id)).run()
        try await insertFields([(id, value)], organisationID: organisationID, on: database)
    }

    /// Writes the typed rows of records whose `records` rows exist, one multi-row insert per table.
    static func insertFields(_ records: [(id: UUID, value: Value)], organisationID: UUID,
                             on database: any Database) async throws {
        var rows: [String: [[SQLBind]]] = [:]
        for (id, value) in records {
            for (table, fields) in try fields(of: value) {
                rows[table, default: []].append([SQLBind(id), SQLBind(organisationID)] + fields)
            }
        }
        for table in all {
            guard let tableRows = rows[table], let columns = columns[table] else { continue }
            try await insert(tableRows, into: table, columns: ["record_id", Distribution.column] + columns,
                             on: database)
        }
    }

    /// The rows a value has in the typed tables, each without its record and organisation, in the order of
    /// ``columns``.
    static func fields(of value: Value) throws -> [(table: String, fields: [SQLBind])] {
        switch value {
        case .indicator(let indicator):
            return indicatorFields(indicator)
        case .activity(let activity):
            return [(activities, [SQLBind(activity.date.description), SQLBind(activity.kind)])]
                + activity.quantities.sorted(by: { $0.key < $1.key }).map { name, quantity in
                    (activityQuantities, [SQLBind(name), SQLBind(quantity.fractionText)])
                }
        case .procurement(let procurement):
            let dates = [procurement.intentPublished, procurement.started, procurement.awarded,
                         procurement.contractSigned, procurement.contractPublished, procurement.contractFiled]
            return [(procurements, [SQLBind(procurement.line), SQLBind(try procurement.amount.column())]
                        + dates.map { SQLBind($0?.description) })]
        case .task(let task):
            let links = task.indicators.map { ("indicator", $0) } + task.lines.map { ("line", $0) }
            return [(tasks, [SQLBind(task.keyTask), SQLBind(task.owner), SQLBind(task.start.description),
                             SQLBind(task.deliverable), SQLBind(task.requirement), SQLBind(task.progress.fractionText)])]
                + links.enumerated().map { position, link in
                    (taskLinks, [SQLBind(position), SQLBind(link.0), SQLBind(link.1)])
                }
                + (try task.plannedPayments.enumerated().map { position, payment in
                    (taskPayments, [SQLBind(position), SQLBind(payment.line), SQLBind(payment.month),
                                    SQLBind(try payment.amount.column())])
                })
        }
    }

    private static func indicatorFields(_ indicator: Indicator) -> [(table: String, fields: [SQLBind])] {
        var ruleKind: String?
        var deduction: [String?] = [nil, nil, nil, nil]
        var tiers: [ScoringRule.Tier] = []
        switch indicator.rule {
        case .tiers(let rows)?:
            (ruleKind, tiers) = ("tiers", rows)
        case let .deduction(direction, bound, step, points)?:
            ruleKind = "deduction"
            deduction = [direction.rawValue, bound.fractionText, step.fractionText, points.fractionText]
        case nil:
            break
        }
        let row: [SQLBind] = [
            SQLBind(indicator.level1), SQLBind(indicator.level2), SQLBind(indicator.nature.rawValue),
            SQLBind(indicator.direction.rawValue), SQLBind(indicator.targetText), SQLBind(indicator.unit),
            SQLBind(indicator.weight.fractionText), SQLBind(indicator.formula), SQLBind(indicator.dataSource),
            SQLBind(indicator.actualText), SQLBind(indicator.measure?.aggregate.rawValue),
            SQLBind(indicator.measure?.field), SQLBind(indicator.grade?.rawValue), SQLBind(ruleKind),
        ] + deduction.map { SQLBind($0) } + [
            SQLBind(indicator.manualScore?.score.fractionText), SQLBind(indicator.manualScore?.reason),
            SQLBind(indicator.deviation),
        ]
        return [(indicators, row)]
            + (indicator.measure?.filter ?? [:]).sorted(by: { $0.key < $1.key }).map { field, value in
                (indicatorFilters, [SQLBind(field), SQLBind(value)])
            }
            + tiers.enumerated().map { position, tier in
                (indicatorTiers, [SQLBind(position), SQLBind(tier.upTo?.fractionText), SQLBind(tier.score.fractionText)])
            }
            + indicator.progress.enumerated().map { position, report in
                (indicatorProgress, [SQLBind(position), SQLBind(report.asOf.description), SQLBind(report.actualText),
                                     SQLBind(report.projectedText), SQLBind(report.likelihood?.rawValue),
                                     SQLBind(report.cause?.rawValue), SQLBind(report.remedy)])
            }
    }

    /// Inserts `rows` in statements of at most 500 rows.
    private static func insert(_ rows: [[SQLBind]], into table: String, columns: [String],
                               on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for start in stride(from: 0, to: rows.count, by: 500) {
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(rows.count, start + 500)] { insert = insert.values(row) }
            try await insert.run()
        }
    }
}
