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
        for table in all {
            try await sql.delete(from: table).where("record_id", .equal, SQLBind(id)).run()
        }
        var update = sql.update(RecordModel.schema).set("title", to: SQLBind(value.label.title))
            .set("definition", to: SQLBind(""))
        for (column, text) in zip(TaskColumns.names, value.taskColumns) {
            update = update.set(SQLIdentifier(column), to: SQLBind(text))
        }
        try await update.where("id", .equal, SQLBind(id)).run()
        try await insertFields([(id, value)], organisationID: organisationID, on: database)
    }

    /// Writes the typed rows of records whose `records` rows exist.
    static func insertFields(_ records: [(id: UUID, value: Value)], organisationID: UUID,
                             on database: any Database) async throws {
        var activityRows: [[SQLBind]] = [], quantityRows: [[SQLBind]] = [], procurementRows: [[SQLBind]] = []
        var taskRows: [[SQLBind]] = [], linkRows: [[SQLBind]] = [], paymentRows: [[SQLBind]] = []
        let owner = SQLBind(organisationID)
        for (id, value) in records {
            let record = SQLBind(id)
            switch value {
            case .activity(let activity):
                activityRows.append([record, owner, SQLBind(activity.date.description), SQLBind(activity.kind)])
                for (name, quantity) in activity.quantities.sorted(by: { $0.key < $1.key }) {
                    quantityRows.append([record, owner, SQLBind(name), SQLBind(quantity.fractionText)])
                }
            case .procurement(let procurement):
                procurementRows.append([record, owner, SQLBind(procurement.line), SQLBind(try procurement.amount.column())]
                    + procurementDates(procurement).map { SQLBind($0?.description) })
            case .task(let task):
                taskRows.append([record, owner, SQLBind(task.keyTask), SQLBind(task.owner),
                                 SQLBind(task.start.description), SQLBind(task.deliverable),
                                 SQLBind(task.requirement), SQLBind(task.progress.fractionText)])
                let links = task.indicators.map { ("indicator", $0) } + task.lines.map { ("line", $0) }
                for (position, (kind, code)) in links.enumerated() {
                    linkRows.append([record, owner, SQLBind(position), SQLBind(kind), SQLBind(code)])
                }
                for (position, payment) in task.plannedPayments.enumerated() {
                    paymentRows.append([record, owner, SQLBind(position), SQLBind(payment.line),
                                        SQLBind(payment.month), SQLBind(try payment.amount.column())])
                }
            }
        }
        let head = ["record_id", Distribution.column]
        try await insert(activityRows, into: activities, columns: head + ["date", "kind"], on: database)
        try await insert(quantityRows, into: activityQuantities, columns: head + ["name", "value"], on: database)
        try await insert(procurementRows, into: procurements,
                         columns: head + ["line", "amount_fen"] + procurementDateColumns, on: database)
        try await insert(taskRows, into: tasks, columns: head + ["key_task", "owner", "start", "deliverable",
                                                                   "requirement", "progress"], on: database)
        try await insert(linkRows, into: taskLinks, columns: head + ["position", "kind", "code"], on: database)
        try await insert(paymentRows, into: taskPayments,
                         columns: head + ["position", "line", "month", "amount_fen"], on: database)
    }

    /// A procurement's dates, in the order of ``procurementDateColumns``.
    static func procurementDates(_ procurement: Procurement) -> [CivilDate?] {
        [procurement.intentPublished, procurement.started, procurement.awarded, procurement.contractSigned,
         procurement.contractPublished, procurement.contractFiled]
    }

    static let procurementDateColumns = ["intent_published", "started", "awarded", "contract_signed",
                                         "contract_published", "contract_filed"]

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
