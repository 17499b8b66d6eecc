import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import JixiaoCore

/// The one path by which a stored department-year changes: payments, lines, plans, work-plan tasks, indicator
/// progress, the narrative, imports, review steps. In one transaction it claims the year,
/// makes the change, recomputes the year's evaluation snapshot and appends the audit entry, so the snapshot can never
/// disagree with the data and nothing changes unaudited. A transaction that loses a race with another writer is
/// rolled back and run again.
///
/// Claiming is a write to the year's row, made first: PostgreSQL then holds the row lock until commit, so writers of
/// one year go one after another (positions are allocated without races) while other years proceed; SQLite takes its
/// single write lock at once and waits for it (a transaction that read first and wrote later could otherwise fail
/// with "database is locked" instead of waiting).
public enum YearChange {
    /// What the audit log keeps of a change.
    public struct Audit: Sendable {
        public var action: String
        public var subject: String
        public var before: String
        public var after: String

        public init(action: String, subject: String, before: String = "", after: String = "") {
            self.action = action
            self.subject = subject
            self.before = before
            self.after = after
        }
    }

    /// What a change gives back: its result, the year it changed (new for an import) and its audit entry; for a
    /// change that wrote a whole year, that year and its department, which the snapshot is then made from.
    public struct Outcome<Value: Sendable>: Sendable {
        public var value: Value
        public var yearID: UUID
        public var audit: Audit
        var written: (year: DepartmentYear, organisationID: UUID)?

        public init(_ value: Value, yearID: UUID, audit: Audit) {
            self.value = value
            self.yearID = yearID
            self.audit = audit
        }

        init(_ value: Value, written year: DepartmentYear, yearID: UUID, organisationID: UUID, audit: Audit) {
            self.init(value, yearID: yearID, audit: audit)
            written = (year, organisationID)
        }
    }

    /// Runs `change` of `kind` on the year `claiming` (nil only when the change creates the year), unless the year's
    /// review rounds hold that kind of change (``ReviewLock``): then the ``ReviewRefusal`` says why.
    public static func commit<Value: Sendable>(
        claiming yearID: UUID?, kind: ChangeKind, actor: AuditActor, on database: any Database,
        _ change: @escaping @Sendable (any Database) async throws -> Outcome<Value>
    ) async throws -> Value {
        try await LostRace.retrying {
            try await writing(on: database) { database in
                if let yearID {
                    try await claim(yearID, on: database)
                    let states = try await ReviewRepository.states(yearID: yearID, on: database)
                    if let refusal = ReviewLock.refusal(kind, states: states) { throw refusal }
                }
                let outcome = try await change(database)
                if let written = outcome.written {
                    try await EvaluationSnapshots.refresh(written.year, yearID: outcome.yearID,
                                                          organisationID: written.organisationID, on: database)
                } else {
                    try await EvaluationSnapshots.refresh(yearID: outcome.yearID, on: database)
                }
                try await AuditLog.append(on: database, actor: actor, action: outcome.audit.action,
                                          subject: outcome.audit.subject, before: outcome.audit.before,
                                          after: outcome.audit.after)
                return outcome.value
            }
        }
    }

    /// A writing transaction; on SQLite on one connection, prepared before the transaction begins
    /// (``SQLiteWriter/begin(_:)``).
    static func writing<Value: Sendable>(on database: any Database,
                                         _ body: @escaping @Sendable (any Database) async throws -> Value)
        async throws -> Value {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await database.transaction(body)
        }
        return try await database.withConnection { connection in
            try await SQLiteWriter.begin(connection as! any SQLDatabase)
            return try await connection.transaction(body)
        }
    }

    /// Locks the year's row for the rest of the transaction by writing it: a new revision, which tells every server
    /// that the year it holds in memory is no longer the stored one (``YearCache``).
    static func claim(_ yearID: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { preconditionFailure("the store is an SQL database") }
        try await sql.update(FiscalYearModel.schema).set(SQLIdentifier("revision"), to: SQLBind(UUID().uuidString))
            .where("id", .equal, SQLBind(yearID)).run()
    }
}

/// Transactions that lost a race with another writer, and running them again.
enum LostRace {
    /// How many times a transaction that lost a race is run again before the conflict is reported.
    static let attempts = 6

    /// Runs `transaction`, again (after a short, growing, jittered pause) while it fails by a lost race.
    static func retrying<Value>(_ transaction: () async throws -> Value) async throws -> Value {
        var attempt = 1
        while true {
            do {
                return try await transaction()
            } catch where attempt < attempts && isLostRace(error) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 2...10) * attempt))
            }
        }
    }

    /// A failure that running the transaction again can cure: SQLite busy or locked, a PostgreSQL serialisation
    /// failure or deadlock.
    static func isLostRace(_ error: any Error) -> Bool {
        if let error = error as? SQLiteError {
            return [.busy, .locked, .busyTimeout, .busyInSnapshot, .busyInRecovery].contains(error.reason)
        }
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] {
            return state == "40001" || state == "40P01"
        }
        return false
    }
}
