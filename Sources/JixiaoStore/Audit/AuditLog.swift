import Crypto
import Fluent
import Foundation
import SQLKit

/// The append-only audit trail: who changed what, when, with the record before and after. Entries are chained by
/// hash, so an entry edited or removed afterwards is found by ``verify(on:)``.
public enum AuditLog {
    /// The hash before the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// The advisory lock key of the chain on PostgreSQL ("jixiao-audit" in ASCII, as a number).
    static let chainLock = 0x6A69_7869_616F_6175

    /// Appends an entry; call inside the transaction that makes the change, so both land or neither.
    ///
    /// Entries form one chain for the whole store, so appending is serialised: on PostgreSQL by a transaction-level
    /// advisory lock taken before the last entry is read (held until commit; chosen over a locked head row because
    /// it needs no table of its own and cannot be forgotten by a new writer, which goes through here); on SQLite by
    /// its single write lock, which the writing transaction already holds.
    public static func append(on database: any Database, actor: String, action: String, subject: String,
                              before: String = "", after: String = "") async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(chainLock)))").run()
        }
        let last = try await AuditEntryModel.query(on: database).sort(\.$sequence, .descending).first()
        let entry = AuditEntryModel()
        entry.sequence = (last?.sequence ?? 0) + 1
        // Whole seconds: every database gives the same instant back, so the hash can be recomputed.
        entry.at = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        entry.actor = actor
        entry.action = action
        entry.subject = subject
        entry.before = before
        entry.after = after
        entry.previousHash = last?.hash ?? genesis
        entry.hash = hash(of: entry)
        try await entry.create(on: database)
    }

    /// A break in the chain: the entry whose stored hash or link does not match.
    public struct Break: Error, CustomStringConvertible, Equatable {
        public let sequence: Int
        public let reason: String

        public init(sequence: Int, reason: String) {
            self.sequence = sequence
            self.reason = reason
        }

        public var description: String { "audit entry \(sequence): \(reason)" }
    }

    /// Checks every entry's hash and its link to the one before; returns how many entries were checked.
    @discardableResult
    public static func verify(on database: any Database) async throws -> Int {
        let entries = try await AuditEntryModel.query(on: database).sort(\.$sequence).all()
        var previous = genesis
        for (offset, entry) in entries.enumerated() {
            guard entry.sequence == offset + 1 else {
                throw Break(sequence: entry.sequence, reason: "expected entry \(offset + 1): entries are missing")
            }
            guard entry.previousHash == previous else {
                throw Break(sequence: entry.sequence, reason: "does not link to the entry before it")
            }
            guard entry.hash == hash(of: entry) else {
                throw Break(sequence: entry.sequence, reason: "its content was changed after it was written")
            }
            previous = entry.hash
        }
        return entries.count
    }

    static func hash(of entry: AuditEntryModel) -> String {
        let fields = [entry.previousHash, String(entry.sequence), String(Int(entry.at.timeIntervalSince1970)),
                      entry.actor, entry.action, entry.subject, entry.before, entry.after]
        // Lengths first, so no two different entries can give the same text.
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined()
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
