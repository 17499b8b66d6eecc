import Fluent
import Foundation

/// The keyed anchors of the audit trail (``AuditAnchorModel``): what they say and how they are made and checked.
enum AuditAnchor {
    enum Kind: String {
        /// The last entry: rewritten in the transaction of every append.
        case head
        /// Every ``AuditLog/checkpointInterval``-th entry, kept.
        case checkpoint
        /// Where the trail starts after older entries were pruned (their last sequence and hash).
        case base
    }

    /// The keyed hash an anchor of `kind` at `sequence` with `hash` must carry.
    static func mac(_ kind: Kind, sequence: Int, hash: String, at: Date, key: AuditKey) -> String {
        key.mac(["anchor", kind.rawValue, String(sequence), hash, String(Int(at.timeIntervalSince1970))])
    }

    static func all(_ kind: Kind, on database: any Database) async throws -> [AuditAnchorModel] {
        try await AuditAnchorModel.query(on: database).filter(\.$kind == kind.rawValue).sort(\.$sequence).all()
    }

    /// Writes the single anchor of `kind` (head or base), replacing the one before.
    static func set(_ kind: Kind, sequence: Int, hash: String, key: AuditKey, on database: any Database) async throws {
        let anchor = try await AuditAnchorModel.query(on: database).filter(\.$kind == kind.rawValue).first()
            ?? AuditAnchorModel()
        anchor.kind = kind.rawValue
        fill(anchor, sequence: sequence, hash: hash, key: key)
        try await anchor.save(on: database)
    }

    /// Adds a checkpoint.
    static func addCheckpoint(sequence: Int, hash: String, key: AuditKey, on database: any Database) async throws {
        let anchor = AuditAnchorModel()
        anchor.kind = Kind.checkpoint.rawValue
        fill(anchor, sequence: sequence, hash: hash, key: key)
        try await anchor.create(on: database)
    }

    private static func fill(_ anchor: AuditAnchorModel, sequence: Int, hash: String, key: AuditKey) {
        anchor.sequence = sequence
        anchor.hash = hash
        anchor.at = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        anchor.mac = mac(Kind(rawValue: anchor.kind)!, sequence: sequence, hash: hash, at: anchor.at, key: key)
    }

    /// Whether the anchor was made with `key` and says what it was made to say.
    static func isGenuine(_ anchor: AuditAnchorModel, key: AuditKey) -> Bool {
        guard let kind = Kind(rawValue: anchor.kind) else { return false }
        return anchor.mac == mac(kind, sequence: anchor.sequence, hash: anchor.hash, at: anchor.at, key: key)
    }
}
