import Fluent
import SQLKit

/// Accounts as 等保 asks: the old lock-out counters go (sign-in failures are throttled per source and per account
/// name in their own table), and an account can be disabled, must change its password after a reset, keeps the
/// hashes of its recent passwords, and may carry a TOTP second factor with one-time recovery codes.
struct HardenUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for column in ["failed_attempts", "locked_until"] {
            try await sql.raw("ALTER TABLE \(ident: UserModel.schema) DROP COLUMN \(ident: column)").run()
        }
        let schema = { database.schema(UserModel.schema) }
        try await schema().field("disabled", .bool, .required, .sql(.default(false))).update()
        try await schema().field("must_change_password", .bool, .required, .sql(.default(false))).update()
        try await schema().field("password_changed_at", .datetime).update()
        try await schema().field("password_history", .string, .required, .sql(.default(""))).update()
        try await schema().field("totp_secret", .string).update()
        try await schema().field("totp_last_step", .int64, .required, .sql(.default(0))).update()
        try await schema().field("recovery_codes", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["disabled", "must_change_password", "password_changed_at", "password_history", "totp_secret",
                      "totp_last_step", "recovery_codes"] {
            try await database.schema(UserModel.schema).deleteField(.string(field)).update()
        }
        try await database.schema(UserModel.schema).field("failed_attempts", .int, .required, .sql(.default(0))).update()
        try await database.schema(UserModel.schema).field("locked_until", .datetime).update()
    }
}
