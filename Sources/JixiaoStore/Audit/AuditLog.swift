import Crypto
import Fluent
import Foundation
import SQLKit

/// The append-only audit trail: who did what, when, from where, with what outcome, and the record before and after.
///
/// Entries form one chain keyed with the ``AuditKey``: each entry's hash is an HMAC over its content and the hash
/// before it, so an entry edited, inserted or removed in the middle is found, and a chain rewritten from scratch
/// cannot be made valid without the key. A keyed head anchor, rewritten with every append, finds entries removed from
/// the end or all of them; keyed checkpoints every ``checkpointInterval`` entries (exported off the server with
/// `jixiao audit export`) find a store rolled back as a whole.
public enum AuditLog {
    /// The hash before the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// A checkpoint is kept every this many entries.
    public static let checkpointInterval = 100

    /// The advisory lock key of the chain on PostgreSQL ("jixiao-audit" in ASCII, as a number).
    static let chainLock = 0x6A69_7869_616F_6175

    /// Appends an entry; call inside the transaction that makes the change, so both land or neither.
    ///
    /// Entries form one chain for the whole store, so appending is serialised: on PostgreSQL by a transaction-level
    /// advisory lock taken before the last entry is read (held until commit; chosen over a locked head row because
    /// it needs no table of its own and cannot be forgotten by a new writer, which goes through here); on SQLite by
    /// its single write lock, which the writing transaction already holds.
    ///
    /// Outside a transaction (a sign-in, a refusal, a read, a download) the entry is appended in a transaction of its
    /// own that takes the write lock first and is run again when it lost a race, like every change.
    public static func append(on database: any Database, actor: AuditActor, action: String, subject: String,
                              before: String = "", after: String = "", outcome: AuditOutcome = .success)
        async throws {
        guard database.inTransaction else {
            return try await LostRace.retrying {
                try await database.transaction { database in
                    try await claimWrite(on: database)
                    try await append(on: database, actor: actor, action: action, subject: subject, before: before,
                                     after: after, outcome: outcome)
                }
            }
        }
        let key = try AuditKey.required()
        try await lockChain(on: database)
        // The head says where the chain ends (after pruning there may be no entry left); a store whose head is
        // missing continues from its last entry, and verification reports the missing head.
        let lastSequence: Int
        let lastHash: String
        if let head = try await AuditAnchor.all(.head, on: database).first {
            (lastSequence, lastHash) = (head.sequence, head.hash)
        } else {
            let last = try await AuditEntryModel.query(on: database).sort(\.$sequence, .descending).first()
            (lastSequence, lastHash) = (last?.sequence ?? 0, last?.hash ?? genesis)
        }
        let entry = AuditEntryModel()
        entry.sequence = lastSequence + 1
        // Whole seconds: every database gives the same instant back, so the hash can be recomputed.
        entry.at = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        entry.actor = String(actor.name.prefix(200))
        entry.role = actor.role
        entry.source = String(actor.source.prefix(100))
        entry.action = action
        entry.subject = String(subject.prefix(400))
        entry.outcome = outcome.rawValue
        entry.before = before
        entry.after = after
        entry.previousHash = lastHash
        entry.scheme = 2
        entry.hash = hash(of: entry, key: key)
        try await entry.create(on: database)
        try await AuditAnchor.set(.head, sequence: entry.sequence, hash: entry.hash, key: key, on: database)
        if entry.sequence % checkpointInterval == 0 {
            try await AuditAnchor.addCheckpoint(sequence: entry.sequence, hash: entry.hash, key: key, on: database)
        }
    }

    /// Serialises the chain's writers for the rest of the transaction: on PostgreSQL a transaction-level advisory
    /// lock; on SQLite the write lock the transaction holds already.
    static func lockChain(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(chainLock)))").run()
        }
    }

    /// On SQLite, waits for and takes the write lock at once (a transaction that read first could fail to upgrade);
    /// PostgreSQL's advisory lock in ``append(on:actor:action:subject:before:after:outcome:)`` orders the writers.
    private static func claimWrite(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await SQLiteWriter.prepare(sql)
        try await sql.update(AuditAnchorModel.schema).set(SQLIdentifier("kind"), to: SQLIdentifier("kind"))
            .where("kind", .equal, SQLBind(AuditAnchor.Kind.head.rawValue)).run()
    }

    /// Anchors a trail that has no head yet, once the key is known: a new store's empty trail, or the unkeyed
    /// entries of a store made before the trail was keyed (sealed by a keyed checkpoint at their end). A trail
    /// without a head in a store that already holds data is left alone, so that ``verify(on:)`` reports it.
    static func seal(on database: any Database) async throws {
        let key = try AuditKey.required()
        guard try await AuditAnchor.all(.head, on: database).isEmpty else { return }
        let entries = try await AuditEntryModel.query(on: database).sort(\.$sequence).all()
        if let last = entries.last {
            guard entries.allSatisfy({ $0.scheme == 1 }) else { return }
            try await AuditAnchor.addCheckpoint(sequence: last.sequence, hash: last.hash, key: key, on: database)
            try await AuditAnchor.set(.head, sequence: last.sequence, hash: last.hash, key: key, on: database)
        } else if try await UserModel.query(on: database).count() == 0,
                  try await FiscalYearModel.query(on: database).count() == 0 {
            try await AuditAnchor.set(.head, sequence: 0, hash: genesis, key: key, on: database)
        }
    }

    /// A break in the trail: the entry (or anchor) that does not match, and why.
    public struct Break: Error, CustomStringConvertible, Equatable {
        public let sequence: Int
        public let reason: String

        public init(sequence: Int, reason: String) {
            self.sequence = sequence
            self.reason = reason
        }

        public var description: String { "audit entry \(sequence): \(reason)" }
    }

    /// Checks the whole trail — every entry's keyed hash and link, the head, the checkpoints and the base — and
    /// returns how many entries were checked.
    @discardableResult
    public static func verify(on database: any Database) async throws -> Int {
        let key = try AuditKey.required()
        let entries = try await AuditEntryModel.query(on: database).sort(\.$sequence).all()
        guard let head = try await AuditAnchor.all(.head, on: database).first else {
            throw Break(sequence: 0, reason: "the trail's keyed head is missing: the trail was removed or replaced")
        }
        guard AuditAnchor.isGenuine(head, key: key) else {
            throw Break(sequence: head.sequence, reason: "the trail's head was not made with this store's audit key")
        }
        let base = try await AuditAnchor.all(.base, on: database).first
        if let base, !AuditAnchor.isGenuine(base, key: key) {
            throw Break(sequence: base.sequence, reason: "the pruning base was not made with this store's audit key")
        }
        let checkpoints = try await AuditAnchor.all(.checkpoint, on: database)
        if let forged = checkpoints.first(where: { !AuditAnchor.isGenuine($0, key: key) }) {
            throw Break(sequence: forged.sequence, reason: "a checkpoint was not made with this store's audit key")
        }
        // Unkeyed entries are trusted only up to the checkpoint that sealed them.
        let sealed = checkpoints.first?.sequence ?? 0
        var previous = base?.hash ?? genesis
        var expected = (base?.sequence ?? 0) + 1
        for entry in entries {
            guard entry.sequence == expected else {
                throw Break(sequence: entry.sequence, reason: "expected entry \(expected): entries are missing")
            }
            guard entry.previousHash == previous else {
                throw Break(sequence: entry.sequence, reason: "does not link to the entry before it")
            }
            let recomputed = entry.scheme == 1 && entry.sequence <= sealed ? legacyHash(of: entry)
                : hash(of: entry, key: key)
            guard entry.hash == recomputed else {
                throw Break(sequence: entry.sequence, reason: "its content was changed after it was written")
            }
            previous = entry.hash
            expected += 1
        }
        let lastSequence = expected - 1
        guard head.sequence == lastSequence, head.hash == previous else {
            throw Break(sequence: head.sequence, reason: head.sequence > lastSequence
                ? "the trail ends at entry \(lastSequence) but its head says \(head.sequence): entries were removed"
                : "the trail does not end where its head says")
        }
        let bySequence = Dictionary(entries.map { ($0.sequence, $0.hash) }, uniquingKeysWith: { first, _ in first })
        for checkpoint in checkpoints where checkpoint.sequence > (base?.sequence ?? 0) {
            guard bySequence[checkpoint.sequence] == checkpoint.hash else {
                throw Break(sequence: checkpoint.sequence, reason: "does not match the checkpoint kept for it")
            }
        }
        return entries.count
    }

    /// The entry's keyed hash (scheme 2).
    static func hash(of entry: AuditEntryModel, key: AuditKey) -> String {
        key.mac(fields(of: entry) + [entry.role, entry.source, entry.outcome])
    }

    /// The unkeyed hash of entries written before the trail was keyed (scheme 1).
    static func legacyHash(of entry: AuditEntryModel) -> String {
        AuditKey.framed(fields(of: entry)).sha256
    }

    private static func fields(of entry: AuditEntryModel) -> [String] {
        [entry.previousHash, String(entry.sequence), String(Int(entry.at.timeIntervalSince1970)), entry.actor,
         entry.action, entry.subject, entry.before, entry.after]
    }
}
