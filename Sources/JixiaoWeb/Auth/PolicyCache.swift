import Foundation
import JixiaoStore
import NIOConcurrencyHelpers
import Vapor

/// The security policy, read from the store at most every ``maxAge`` seconds per app server (every request needs
/// the session timeouts; a change reaches every server within that time).
final class PolicyCache: Sendable {
    static let maxAge: TimeInterval = 10
    private let cached = NIOLockedValueBox<(policy: SecurityPolicy, read: Date)?>(nil)

    func policy(on database: StoreDatabase) async throws -> SecurityPolicy {
        if let (policy, read) = cached.withLockedValue({ $0 }), Date().timeIntervalSince(read) < Self.maxAge {
            return policy
        }
        let policy = try await SettingsRepository(database: database).policy()
        cached.withLockedValue { $0 = (policy, Date()) }
        return policy
    }

    /// Forgets the cached policy (after this server changed it).
    func invalidate() { cached.withLockedValue { $0 = nil } }

    struct Key: StorageKey {
        typealias Value = PolicyCache
    }
}

extension Application {
    /// The policy cache of this app server.
    /// (Set when the app is configured, before it serves.)
    var policyCache: PolicyCache { storage[PolicyCache.Key.self] ?? PolicyCache() }

    /// The security policy in force.
    func securityPolicy(on database: StoreDatabase) async throws -> SecurityPolicy {
        try await policyCache.policy(on: database)
    }
}
