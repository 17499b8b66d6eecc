import Fluent
import Foundation

/// Slows password guessing without locking the real person out (kept in the database, so every app server
/// throttles alike).
///
/// - Per source address: after ``SecurityPolicy/freeFailures`` failures within the window, each further attempt
///   must wait 2, 4, 8… seconds after the last failure (up to ``SecurityPolicy/maxDelay``); meanwhile the password is
///   not even checked.
/// - Per account name: the same back-off, but only once failures on the name came from at least
///   ``SecurityPolicy/accountSources`` different addresses (a distributed attack), and never for a browser the person
///   has signed in from before (its device cookie), so an attacker cannot keep the owner out.
///
/// Names are throttled whether or not an account exists, so the answers do not tell which names are real.
public struct SignInThrottle: Sendable {
    public let database: any Database
    public let policy: SecurityPolicy

    public init(database: any Database, policy: SecurityPolicy) {
        self.database = database
        self.policy = policy
    }

    /// The key a name is counted under: SHA-256 of the name as typed, trimmed and in lower case.
    public static func accountKey(_ username: String) -> String {
        username.trimmingCharacters(in: .whitespaces).lowercased().sha256
    }

    /// Seconds the attempt must still wait before it is checked, or nil when it may be checked now.
    public func wait(source: String, username: String, trustedDevice: Bool, now: Date = Date()) async throws -> Int? {
        let since = now.addingTimeInterval(-policy.failureWindow)
        let fromSource = try await SignInFailureModel.query(on: database).filter(\.$source == source)
            .filter(\.$at > since).sort(\.$at, .descending).all()
        var waits: [Int] = []
        if let wait = backOff(failures: fromSource.count, last: fromSource.first?.at, now: now) { waits.append(wait) }
        if !trustedDevice {
            let onAccount = try await SignInFailureModel.query(on: database)
                .filter(\.$account == Self.accountKey(username)).filter(\.$at > since).sort(\.$at, .descending).all()
            if Set(onAccount.map(\.source)).count >= policy.accountSources,
               let wait = backOff(failures: onAccount.count, last: onAccount.first?.at, now: now) {
                waits.append(wait)
            }
        }
        return waits.max()
    }

    /// Counts a failed attempt (and forgets failures older than a day); run again when it met another writer.
    public func recordFailure(source: String, username: String, now: Date = Date()) async throws {
        let (database, account) = (database, Self.accountKey(username))
        try await LostRace.retrying {
            try await SignInFailureModel(at: now, source: source, account: account).create(on: database)
            try await SignInFailureModel.query(on: database).filter(\.$at < now.addingTimeInterval(-86_400)).delete()
        }
    }

    /// Forgets the failures of one source on one name, after that source signed in to it.
    public func clear(source: String, username: String) async throws {
        let (database, account) = (database, Self.accountKey(username))
        try await LostRace.retrying {
            try await SignInFailureModel.query(on: database).filter(\.$source == source)
                .filter(\.$account == account).delete()
        }
    }

    /// The seconds left of the back-off after `failures` failures, the last at `last`.
    private func backOff(failures: Int, last: Date?, now: Date) -> Int? {
        guard failures >= policy.freeFailures, let last else { return nil }
        let exponent = min(failures - policy.freeFailures + 1, 20)
        let delay = min(1 << exponent, policy.maxDelay)
        let left = last.addingTimeInterval(TimeInterval(delay)).timeIntervalSince(now)
        return left > 0 ? Int(left.rounded(.up)) : nil
    }
}
