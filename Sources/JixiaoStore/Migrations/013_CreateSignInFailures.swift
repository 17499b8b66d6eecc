import Fluent
import SQLKit

/// Failed sign-ins, by source address and by the (hashed) name tried, so every app server throttles alike; and the
/// devices a person has signed in from, which the per-account throttle does not slow.
struct CreateSignInFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SignInFailureModel.schema)
            .id()
            .field("at", .datetime, .required)
            .field("source", .string, .required)
            .field("account", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sign_in_failures_source").on(SignInFailureModel.schema)
            .column("source").column("at").run()
        try await sql.create(index: "sign_in_failures_account").on(SignInFailureModel.schema)
            .column("account").column("at").run()
        try await database.schema(TrustedDeviceModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TrustedDeviceModel.schema).delete()
        try await database.schema(SignInFailureModel.schema).delete()
    }
}
