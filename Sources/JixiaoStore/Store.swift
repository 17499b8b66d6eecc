import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import JixiaoIO
import Vapor

/// Where the store lives: PostgreSQL when a URL is given, else an SQLite file (or memory, for tests).
public enum StoreLocation: Sendable, Equatable {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(url: String)

    /// `DATABASE_URL` when set, else the given SQLite file.
    public static func fromEnvironment(sqliteFile: String) -> StoreLocation {
        if let url = Environment.get("DATABASE_URL"), !url.isEmpty { return .postgres(url: url) }
        return .sqliteFile(sqliteFile)
    }

    /// The location named for people, without a password.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite \(path)"
        case .sqliteMemory: "SQLite (memory)"
        case .postgres(let url): "PostgreSQL " + (URL(string: url).map { "\($0.host ?? "")/\($0.path.dropFirst())" } ?? "")
        }
    }
}

/// The database a repository works on: the application's, a request's, or a transaction's. Whatever lies outside
/// the store (pages, the API, the command line) only hands it to repositories; queries are built in the store alone.
public typealias StoreDatabase = any Database

extension DatabaseID {
    /// A streaming replica of the PostgreSQL store (`DATABASE_READ_URL`) for the bureau's read-only pages.
    public static let replica = DatabaseID(string: "replica")
}

/// Sets up the store on an application: the database and every migration.
public enum Store {
    /// The environment variable naming a streaming replica of a PostgreSQL store.
    public static let replicaVariable = "DATABASE_READ_URL"

    /// Configures the database at `location` and the audit key: `auditKey` when given, else the one
    /// ``AuditKey/resolve(for:environment:)`` finds. A PostgreSQL store gains its streaming replica as
    /// ``DatabaseID/replica`` when `DATABASE_READ_URL` names one.
    public static func configure(_ app: Application, location: StoreLocation, auditKey: AuditKey? = nil) throws {
        let key = try auditKey ?? AuditKey.resolve(for: location)
        AuditKey.current.withLockedValue { $0 = key }
        switch location {
        case .sqliteFile(let path):
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let url):
            app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url), sqlLogLevel: .debug),
                              as: .psql, isDefault: true)
            if let replica = Environment.get(replicaVariable), !replica.isEmpty {
                app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: replica), sqlLogLevel: .debug),
                                  as: .replica, isDefault: false)
            }
        }
        app.migrations.add(StoreMigrations.all)
        app.migrations.add(SessionRecord.migration)
    }

    /// Brings the configured store up to date: every migration, and on SQLite the write-ahead log, so that readers
    /// never wait for a writer and a writer waits for another instead of failing (see ``YearChange``); then anchors
    /// an audit trail that has no keyed head yet (``AuditLog``), and evaluates the stored years again when the
    /// bureau's thresholds changed since their findings were counted (``CountedThresholds``), logging its progress.
    public static func migrate(_ app: Application) async throws {
        if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA journal_mode = WAL").run()
        }
        try await app.autoMigrate()
        try await AuditLog.seal(on: app.db)
        let logger = app.logger
        try await CountedThresholds.keep(TemplateCatalog.builtIn.checks, on: app.db) { done, total in
            if done % 1000 == 0 || done == total {
                logger.notice("findings thresholds changed: \(done) of \(total) stored years evaluated again")
            }
        }
    }

    /// Whether the store answers, every migration has run and the audit trail has its keyed head.
    public static func isReady(_ database: any Database) async throws -> Bool {
        let applied = try await MigrationLog.query(on: database).count()
        _ = try AuditKey.required()
        let heads = try await AuditAnchorModel.query(on: database).filter(\.$kind == "head").count()
        return applied >= StoreMigrations.all.count && heads == 1
    }
}
