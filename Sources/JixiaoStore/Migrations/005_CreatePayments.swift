import Fluent
import SQLKit

struct CreatePayments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentModel.schema)
            .id()
            .field("year_id", .uuid, .required, .references(FiscalYearModel.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("line_code", .string, .required)
            .field("date", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("payee", .string, .required)
            .field("voucher", .string, .required)
            .field("memo", .string, .required)
            .field("version", .int, .required)
            .create()
        // Pages list a year's payments by date, filtered by line.
        try await (database as! any SQLDatabase).create(index: "payments_year_date")
            .on(PaymentModel.schema).column("year_id").column("date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaymentModel.schema).delete()
    }
}
