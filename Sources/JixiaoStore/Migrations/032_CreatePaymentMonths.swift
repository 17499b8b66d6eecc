import Fluent
import SQLKit

/// Each line's payments of each month, summed and counted (``PaymentDays`` keeps them with the days' totals), filled
/// from the days' totals already stored: what the bureau's overview and last year's profile sum, at most lines × 12
/// rows a year.
struct CreatePaymentMonths: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentDays.monthSchema)
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("line_code", .string, .required)
            .field("month", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("payments", .int64, .required)
            .compositeIdentifier(over: "year_id", "line_code", "month")
            .create()
        try await (database as! any SQLDatabase).raw("""
            INSERT INTO \(ident: PaymentDays.monthSchema) (year_id, line_code, month, amount_fen, payments)
            SELECT year_id, line_code, SUBSTR(date, 1, 7), SUM(amount_fen), SUM(payments) FROM \(ident: PaymentDays.schema)
            GROUP BY year_id, line_code, SUBSTR(date, 1, 7)
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaymentDays.monthSchema).delete()
    }
}
