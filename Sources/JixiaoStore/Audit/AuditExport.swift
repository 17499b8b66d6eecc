import Fluent
import Foundation
import JixiaoIO
import SQLKit

/// Taking the audit trail off the server, and keeping it no longer than needed.
///
/// An export is a JSON Lines file (one entry a line, then one keyed checkpoint line for the head at export time),
/// appended to on each run from where the last run ended, so it can be shipped to a separate log server; its
/// checkpoints later prove that the store's trail was not rolled back or replaced (`jixiao audit verify --against`).
public enum AuditExport {
    /// The JSON line of an entry.
    public static func line(_ entry: AuditEntry) -> String {
        JSONValue.object([
            "sequence": .number(String(entry.sequence)), "at": .string(iso(entry.at)), "actor": .string(entry.actor),
            "role": .string(entry.role), "source": .string(entry.source), "action": .string(entry.action),
            "subject": .string(entry.subject), "outcome": .string(entry.outcome), "before": .string(entry.before),
            "after": .string(entry.after), "previousHash": .string(entry.previousHash), "hash": .string(entry.hash),
        ]).serializedLine()
    }

    /// The entries after `sequence`, oldest first.
    public static func entries(after sequence: Int, on database: any Database) async throws -> [AuditEntry] {
        try await AuditEntryModel.query(on: database).filter(\.$sequence > sequence).sort(\.$sequence).all()
            .map(AuditEntry.init)
    }

    /// A keyed checkpoint line for the entry `sequence` with `hash`.
    public static func checkpointLine(sequence: Int, hash: String) throws -> String {
        let mac = try AuditKey.required().mac(["export", String(sequence), hash])
        return JSONValue.object(["checkpoint": .number(String(sequence)), "hash": .string(hash), "mac": .string(mac)])
            .serializedLine()
    }

    /// The last entry an export file holds (0 for none or no file).
    public static func lastExported(in text: String) -> Int {
        for line in text.split(separator: "\n").reversed() {
            guard let value = try? JSONParser.parse(Data(line.utf8)) else { continue }
            if let sequence = value["sequence"]?.literal ?? value["checkpoint"]?.literal, let number = Int(sequence) {
                return number
            }
        }
        return 0
    }

    /// A checkpoint of an export file that the store's trail contradicts.
    public struct Mismatch: Error, CustomStringConvertible, Equatable {
        public let sequence: Int
        public let reason: String
        public var description: String { "exported checkpoint \(sequence): \(reason)" }
    }

    /// Checks every keyed checkpoint in an export file against the store: each must be genuine and the store must
    /// still hold that entry with that hash (or have pruned it behind its base). Returns how many were checked.
    @discardableResult
    public static func verify(against text: String, on database: any Database) async throws -> Int {
        let key = try AuditKey.required()
        let base = try await AuditAnchor.all(.base, on: database).first?.sequence ?? 0
        let head = try await AuditAnchor.all(.head, on: database).first?.sequence ?? 0
        var checked = 0
        for line in text.split(separator: "\n") {
            guard let value = try? JSONParser.parse(Data(line.utf8)),
                  let literal = value["checkpoint"]?.literal, let sequence = Int(literal),
                  let hash = value["hash"]?.string, let mac = value["mac"]?.string else { continue }
            guard mac == key.mac(["export", String(sequence), hash]) else {
                throw Mismatch(sequence: sequence, reason: "not made with this store's audit key")
            }
            checked += 1
            if sequence <= base { continue }
            guard sequence <= head else {
                throw Mismatch(sequence: sequence, reason: "the store's trail ends at \(head): it was rolled back")
            }
            let stored = try await AuditEntryModel.query(on: database).filter(\.$sequence == sequence).first()
            guard stored?.hash == hash else {
                throw Mismatch(sequence: sequence, reason: "the store's entry differs: the trail was replaced")
            }
        }
        return checked
    }

    /// Removes the entries older than the policy keeps (never fewer than 180 days) behind a keyed base, so the
    /// rest still verifies; returns how many were removed.
    public static func prune(olderThan retention: TimeInterval, actor: AuditActor, on database: any Database,
                             now: Date = Date()) async throws -> Int {
        let key = try AuditKey.required()
        let cutoff = now.addingTimeInterval(-max(retention, 180 * 86_400))
        return try await database.transaction { database in
            try await AuditLog.lockChain(on: database)
            guard let last = try await AuditEntryModel.query(on: database).filter(\.$at < cutoff)
                .sort(\.$sequence, .descending).first() else { return 0 }
            let removed = try await AuditEntryModel.query(on: database).filter(\.$sequence <= last.sequence).count()
            try await AuditAnchor.set(.base, sequence: last.sequence, hash: last.hash, key: key, on: database)
            try await AuditEntryModel.query(on: database).filter(\.$sequence <= last.sequence).delete()
            try await AuditLog.append(on: database, actor: actor, action: "audit.prune", subject: "audit",
                                      after: "removed \(removed) entries up to \(last.sequence)")
            return removed
        }
    }

    private static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: date)
    }
}
