import Fluent
import SQLKit

/// Each line's payments of each day, summed and counted (``PaymentDays``), filled from the payments already stored.
/// Listed before the migrations that evaluate stored years (they read these totals).
struct CreatePaymentDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentDays.schema)
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("line_code", .string, .required)
            .field("date", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("payments", .int64, .required)
            .compositeIdentifier(over: "year_id", "line_code", "date")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO \(ident: PaymentDays.schema) (year_id, line_code, date, amount_fen, payments)
            SELECT year_id, line_code, date, SUM(amount_fen), COUNT(*) FROM \(ident: PaymentModel.schema)
            GROUP BY year_id, line_code, date
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaymentDays.schema).delete()
    }
}
