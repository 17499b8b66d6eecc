import ArgumentParser
import Fluent
import JixiaoStore
import Vapor

/// Where the store is, shared by every command that uses it: `DATABASE_URL` for PostgreSQL, else an SQLite file.
struct StoreOptions: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("database"),
                           help: "The SQLite file (default: jixiao.sqlite; ignored when DATABASE_URL is set).")
    var sqliteFile: String?

    var location: StoreLocation { .fromEnvironment(sqliteFile: sqliteFile ?? "jixiao.sqlite") }

    /// Runs `body` with the migrated store, without starting the web server.
    func withStore<T: Sendable>(_ body: @Sendable (any Database) async throws -> T) async throws -> T {
        let app = try await Application.make(Environment(name: "development", arguments: ["jixiao"]))
        app.logger.logLevel = .warning
        do {
            try Store.configure(app, location: location)
            try await Store.migrate(app)
            let result = try await body(app.db)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
