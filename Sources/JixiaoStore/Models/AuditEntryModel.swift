import Fluent
import Foundation

/// One event in the append-only audit trail. Each entry carries the keyed hash of the one before it, so removing or
/// editing an entry breaks the chain (`jixiao audit verify`).
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    /// 1, 2, 3… in the order the entries were written.
    @Field(key: "sequence") var sequence: Int
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    /// The actor's role when a person acted.
    @Field(key: "role") var role: String
    /// The client's address, or `local` for the command line.
    @Field(key: "source") var source: String
    /// What was done, e.g. `year.import`, `payment.create`, `signin.failure`.
    @Field(key: "action") var action: String
    /// What it was done to, e.g. `440112-KX/2022`.
    @Field(key: "subject") var subject: String
    /// An ``AuditOutcome`` raw value.
    @Field(key: "outcome") var outcome: String
    @Field(key: "before") var before: String
    @Field(key: "after") var after: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String
    /// How `hash` was made: 1 plain SHA-256 (entries written before the trail was keyed), 2 HMAC-SHA256.
    @Field(key: "scheme") var scheme: Int

    init() {}
}
