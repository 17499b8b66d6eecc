import Fluent
import Foundation

/// A keyed statement about the audit trail as a whole: its head (the last entry, rewritten with every append), a
/// periodic checkpoint, or the base the trail starts from after old entries were pruned. Only the holder of the
/// audit key can make one, so removing entries from the end, or all of them, is found.
final class AuditAnchorModel: Model, @unchecked Sendable {
    static let schema = "audit_anchors"

    @ID(key: .id) var id: UUID?
    /// An ``AuditAnchor/Kind`` raw value.
    @Field(key: "kind") var kind: String
    @Field(key: "sequence") var sequence: Int
    @Field(key: "hash") var hash: String
    @Field(key: "at") var at: Date
    @Field(key: "mac") var mac: String

    init() {}
}
