import Fluent
import SQLKit

/// Each evaluation snapshot keeps its year's scoring inputs (``ScoringInputs`` as JSON: the budget totals and every
/// indicator with its actual value resolved), so the bureau's what-if re-scores a province without loading its
/// years; computed here for the years already stored.
struct AddScoringInputs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EvaluationModel.schema)
            .field("inputs", .string, .required, .sql(.default(""))).update()
        for fiscal in try await FiscalYearModel.query(on: database).all() {
            try await EvaluationSnapshots.refresh(yearID: try fiscal.requireID(), on: database)
        }
    }

    /// Drops the column by SQL: Fluent's SQLite schema builder cannot drop one (SQLite can, since 3.35).
    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE \(ident: EvaluationModel.schema) DROP COLUMN inputs").run()
    }
}
