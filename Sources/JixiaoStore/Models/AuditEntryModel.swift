import Fluent
import Foundation

/// One change in the append-only audit log. Each entry carries the hash of the one before it, so removing or
/// editing an entry breaks the chain (`jixiao audit verify`).
public final class AuditEntryModel: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(key: .id) public var id: UUID?
    /// 1, 2, 3… in the order the entries were written.
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "at") public var at: Date
    @Field(key: "actor") public var actor: String
    /// What was done, e.g. `year.import`, `payment.create`, `user.add`.
    @Field(key: "action") public var action: String
    /// What it was done to, e.g. `440112-KX/2022`.
    @Field(key: "subject") public var subject: String
    @Field(key: "before") public var before: String
    @Field(key: "after") public var after: String
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}
}
