import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// Indicators, activities, procurements and work-plan tasks in tables of their own (``RecordTables``) and the assets as columns
/// of the fiscal year (``AssetColumns``), instead of bundle JSON: each stored year is read once more by the bundle
/// reader with its JSON, and the values it gives are written to the new tables; the records keep their ids and
/// versions. Reverted, the JSON is written back from the tables.
///
/// Keys follow the store's distribution rules (``Distribution``): on PostgreSQL every key ends with the organisation
/// and a typed row points at its record with it; SQLite's `records` are keyed by id alone.
struct CreateRecordTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        try await create(RecordTables.indicators, key: [], postgres: postgres, on: database) { schema in
            let text = ["level1", "level2", "nature", "direction", "target_text", "unit", "weight", "formula",
                        "data_source", "deviation"]
            let optional = ["actual_text", "measure_aggregate", "measure_field", "grade", "rule_kind",
                            "deduction_direction", "deduction_bound", "deduction_step", "deduction_points",
                            "manual_score", "manual_reason"]
            return optional.reduce(text.reduce(schema) { $0.field(.string($1), .string, .required) }) {
                $0.field(.string($1), .string)
            }
        }
        try await create(RecordTables.indicatorFilters, key: ["field"], postgres: postgres, on: database) {
            $0.field("field", .string, .required).field("value", .string, .required)
        }
        try await create(RecordTables.indicatorTiers, key: ["position"], postgres: postgres, on: database) {
            $0.field("position", .int, .required).field("up_to", .string).field("score", .string, .required)
        }
        try await create(RecordTables.indicatorProgress, key: ["position"], postgres: postgres, on: database) {
            $0.field("position", .int, .required).field("as_of", .string, .required)
                .field("actual_text", .string, .required).field("projected_text", .string).field("likelihood", .string)
                .field("cause", .string).field("remedy", .string, .required)
        }
        try await create(RecordTables.activities, key: [], postgres: postgres, on: database) {
            $0.field("date", .string, .required).field("kind", .string, .required)
        }
        try await create(RecordTables.activityQuantities, key: ["name"], postgres: postgres, on: database) {
            $0.field("name", .string, .required).field("value", .string, .required)
        }
        try await create(RecordTables.procurements, key: [], postgres: postgres, on: database) { schema in
            RecordTables.procurementDateColumns.reduce(
                schema.field("line", .string).field("amount_fen", .int64, .required)) { $0.field(.string($1), .string) }
        }
        try await create(RecordTables.tasks, key: [], postgres: postgres, on: database) {
            $0.field("key_task", .int).field("owner", .string, .required).field("start", .string, .required)
                .field("deliverable", .string, .required).field("requirement", .string, .required)
                .field("progress", .string, .required)
        }
        try await create(RecordTables.taskLinks, key: ["position"], postgres: postgres, on: database) {
            $0.field("position", .int, .required).field("kind", .string, .required).field("code", .string, .required)
        }
        try await create(RecordTables.taskPayments, key: ["position"], postgres: postgres, on: database) {
            $0.field("position", .int, .required).field("line", .string, .required).field("month", .int, .required)
                .field("amount_fen", .int64, .required)
        }
        try await database.schema(FiscalYearModel.schema).field(.string(AssetColumns.names[0]), .string).update()
        for column in AssetColumns.names.dropFirst() {
            try await database.schema(FiscalYearModel.schema).field(.string(column), .int64).update()
        }
        // One transaction for the moves: committed a statement at a time, SQLite took minutes for a province.
        let years = try await Self.years(on: sql)
        try await database.transaction { database in
            for yearID in years { try await move(yearID, on: database) }
        }
        try await sql.raw("ALTER TABLE \(ident: FiscalYearModel.schema) DROP COLUMN assets").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(FiscalYearModel.schema).field("assets", .string).update()
        for yearID in try await Self.years(on: sql) {
            guard let fiscal = try await YearRows.FiscalRow.find(id: yearID, on: database) else { continue }
            let unit = Money.Unit(rawValue: fiscal.moneyUnit) ?? .yuan
            let typed = try await RecordTables.read(yearID: yearID, on: database)
            let definitions: [(String, [JSONValue])] = [
                ("indicator", typed.indicators.map(BundleWriter.indicator)),
                ("activity", typed.activities.map(BundleWriter.activity)),
                ("procurement", typed.procurements.map { BundleWriter.procurement($0, unit: unit) }),
                ("task", typed.workPlan.map { BundleWriter.task($0, unit: unit) }),
            ]
            for (kind, entries) in definitions {
                let ids = try await sql.select().column("id").from(RecordModel.schema)
                    .where("year_id", .equal, SQLBind(yearID)).where("kind", .equal, SQLBind(kind))
                    .orderBy("position").all().map { try $0.decode(column: "id", as: UUID.self) }
                for (id, entry) in zip(ids, entries) {
                    try await sql.update(RecordModel.schema).set("definition", to: SQLBind(entry.serialized()))
                        .where("id", .equal, SQLBind(id)).run()
                }
            }
            try await sql.update(FiscalYearModel.schema)
                .set("assets", to: SQLBind(fiscal.assets.map { BundleWriter.assets($0, unit: unit).serialized() }))
                .where("id", .equal, SQLBind(yearID)).run()
        }
        for table in RecordTables.all.reversed() { try await database.schema(table).delete() }
        for column in AssetColumns.names {
            try await sql.raw("ALTER TABLE \(ident: FiscalYearModel.schema) DROP COLUMN \(ident: column)").run()
        }
    }

    /// Every stored fiscal year's id.
    private static func years(on sql: any SQLDatabase) async throws -> [UUID] {
        try await sql.select().column("id").from(FiscalYearModel.schema).all()
            .map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Creates a typed table: the record and its organisation, `key` columns after the record in its primary key,
    /// the record's key pointing at `records` (with the organisation on PostgreSQL), removed with it.
    private func create(_ table: String, key: [String], postgres: Bool, on database: any Database,
                        _ fields: (SchemaBuilder) -> SchemaBuilder) async throws {
        var schema = fields(database.schema(table).field("record_id", .uuid, .required)
            .field(.string(Distribution.column), .uuid, .required))
        let identifier = ["record_id"] + key + (postgres ? [Distribution.column] : [])
        schema = schema.constraint(.constraint(.compositeIdentifier(identifier.map { .key(.string($0)) }), name: ""))
        schema = postgres
            ? schema.foreignKey(["record_id", .string(Distribution.column)], references: RecordModel.schema,
                                ["id", .string(Distribution.column)], onDelete: .cascade)
            : schema.foreignKey("record_id", references: RecordModel.schema, "id", onDelete: .cascade)
        try await schema.create()
    }

    /// Writes a year's typed rows from its stored JSON, read with the rest of the year by the bundle reader.
    private func move(_ yearID: UUID, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard let assets = try await sql.select().column(SQLColumn("assets", table: "f"))
            .column(SQLColumn("code", table: "o")).column(SQLColumn("year", table: "f"))
            .from(SQLAlias(SQLIdentifier(FiscalYearModel.schema), as: SQLIdentifier("f")))
            .joiningOrganisation(of: "f").where(SQLColumn("id", table: "f"), .equal, SQLBind(yearID)).first()
        else { return }
        var bundle = try await YearRows.bundle(yearID: yearID, on: database)
        let stored = try await sql.select().columns("id", "kind", "definition").from(RecordModel.schema)
            .where("year_id", .equal, SQLBind(yearID)).where("kind", .in, SQLBind.group(RecordTables.kinds.map(\.0)))
            .orderBy("position").all()
        var ids: [String: [UUID]] = [:]
        var definitions: [String: [JSONValue]] = [:]
        for row in stored {
            let kind = try row.decode(column: "kind", as: String.self)
            ids[kind, default: []].append(try row.decode(column: "id", as: UUID.self))
            definitions[kind, default: []].append(
                try JSONParser.parse(Data(try row.decode(column: "definition", as: String.self).utf8)))
        }
        for (kind, member) in RecordTables.kinds { bundle = bundle.setting(member, to: .array(definitions[kind] ?? [])) }
        if let text = try assets.decode(column: "assets", as: String?.self) {
            bundle = bundle.setting("assets", to: try JSONParser.parse(Data(text.utf8)))
        }
        let subject = "\(try assets.decode(column: "code", as: String.self))/\(try assets.decode(column: "year", as: Int.self))"
        let year = try BundleReader().decode(bundle, file: subject)
        // Each kind's records in their order are the reader's values of that kind in theirs.
        let typed = RecordTables.kinds.flatMap { kind, _ in
            zip(ids[kind] ?? [], RecordTables.values(of: kind, in: year).map(\.value)).map { (id: $0, value: $1) }
        }
        try await RecordTables.insertFields(typed, organisationID: try await YearRows.owner(of: yearID, on: database),
                                            on: database)
        // The tasks' columns were filled from the same JSON (migration 036).
        try await sql.update(RecordModel.schema).set("definition", to: SQLBind(""))
            .where("year_id", .equal, SQLBind(yearID)).where("kind", .in, SQLBind.group(RecordTables.kinds.map(\.0)))
            .run()
        try await AssetColumns.set(year.assets, yearID: yearID, on: sql)
    }
}
