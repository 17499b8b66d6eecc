import Fluent
import Foundation

/// One event of the audit trail as it is read back: who did what to what, when, from where, with its outcome, and
/// the keyed hashes that chain it to the entry before.
public struct AuditEntry: Sendable, Equatable {
    /// 1, 2, 3… in the order the entries were written.
    public let sequence: Int
    public let at: Date
    public let actor: String
    /// The actor's role when a person acted.
    public let role: String
    /// The client's address, or `local` for the command line.
    public let source: String
    /// What was done, e.g. `year.import`, `payment.create`, `signin.failure`.
    public let action: String
    /// What it was done to, e.g. `440112-KX/2022`.
    public let subject: String
    /// An ``AuditOutcome`` raw value.
    public let outcome: String
    public let before: String
    public let after: String
    public let previousHash: String
    public let hash: String

    init(_ model: AuditEntryModel) {
        sequence = model.sequence
        at = model.at
        actor = model.actor
        role = model.role
        source = model.source
        action = model.action
        subject = model.subject
        outcome = model.outcome
        before = model.before
        after = model.after
        previousHash = model.previousHash
        hash = model.hash
    }
}

/// Reading the audit trail, narrowed by who, what and when.
public struct AuditTrail: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// What a reading is narrowed to; nil or empty fields narrow nothing.
    public struct Filter: Sendable, Equatable {
        /// The actor, exactly.
        public var actor: String?
        /// An action, or the start of actions (`review.`).
        public var action: String?
        /// Entries at or after this moment.
        public var from: Date?
        /// Entries before this moment.
        public var before: Date?

        public init(actor: String? = nil, action: String? = nil, from: Date? = nil, before: Date? = nil) {
            self.actor = actor
            self.action = action
            self.from = from
            self.before = before
        }
    }

    /// The entries the filter matches: the newest `limit` of them newest first, or (without a limit) all of them
    /// oldest first.
    public func entries(matching filter: Filter, newest limit: Int? = nil) async throws -> [AuditEntry] {
        var query = AuditEntryModel.query(on: database)
        if let actor = filter.actor, !actor.isEmpty { query = query.filter(\.$actor == actor) }
        if let action = filter.action, !action.isEmpty { query = query.filter(\.$action =~ action) }
        if let from = filter.from { query = query.filter(\.$at >= from) }
        if let before = filter.before { query = query.filter(\.$at < before) }
        if let limit { query = query.sort(\.$sequence, .descending).limit(limit) } else { query = query.sort(\.$sequence) }
        return try await query.all().map(AuditEntry.init)
    }
}
