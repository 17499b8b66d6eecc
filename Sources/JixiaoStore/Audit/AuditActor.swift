/// Who did something, as the audit trail records it: the account, its role and the address the request came from.
public struct AuditActor: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The account's user name, or the program part that acted (`cli`, `demo`).
    public var name: String
    /// The account's role when a person acted; empty for the command line.
    public var role: String
    /// The client's address for web requests; `local` for the command line.
    public var source: String

    public init(name: String, role: String, source: String) {
        self.name = name
        self.role = role
        self.source = source
    }

    /// A program part acting on the machine itself (`"cli"`, `"demo"`).
    public init(stringLiteral name: String) {
        self.init(name: name, role: "", source: "local")
    }
}

/// How an audited event ended.
public enum AuditOutcome: String, Sendable, CaseIterable {
    /// Done as asked.
    case success
    /// Tried and failed (a wrong password, a throttled sign-in).
    case failure
    /// Refused for lack of a right (403).
    case denied
}
