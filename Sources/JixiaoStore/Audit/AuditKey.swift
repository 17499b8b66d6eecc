import Crypto
import Foundation
import NIOConcurrencyHelpers

/// The secret that keys the audit trail's chain and its anchors (HMAC-SHA256). It lives outside the database, so
/// someone who can write the database can neither rewrite entries nor forge the anchors that show how long the
/// trail is.
///
/// Where it comes from, first match: `JIXIAO_AUDIT_KEY` (at least 32 characters), the file `JIXIAO_AUDIT_KEY_FILE`
/// names, or — for an SQLite file only — `FILE.audit-key` beside the database, made (mode 0600) on first use. An
/// in-memory store gets one random key per process. PostgreSQL needs one of the first two.
public struct AuditKey: Sendable {
    let key: SymmetricKey

    /// A key from its secret text (at least 32 characters).
    public init(secret: String) throws {
        guard secret.utf8.count >= 32 else { throw KeyError.tooShort }
        key = SymmetricKey(data: Data(secret.utf8))
    }

    /// Why no key could be had.
    public enum KeyError: Error, CustomStringConvertible, Equatable {
        case tooShort
        case missingForPostgres
        case unreadable(String)

        public var description: String {
            switch self {
            case .tooShort: "the audit key must have at least 32 characters"
            case .missingForPostgres:
                "a PostgreSQL store needs its audit key outside the database: set JIXIAO_AUDIT_KEY or "
                    + "JIXIAO_AUDIT_KEY_FILE (see docs/security.md)"
            case .unreadable(let path): "cannot read or create the audit key file \(path)"
            }
        }
    }

    /// The key for a store at `location`, from the environment or beside an SQLite file.
    public static func resolve(for location: StoreLocation,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AuditKey {
        if let secret = environment["JIXIAO_AUDIT_KEY"], !secret.isEmpty { return try AuditKey(secret: secret) }
        if let path = environment["JIXIAO_AUDIT_KEY_FILE"], !path.isEmpty { return try file(path, create: false) }
        switch location {
        case .sqliteFile(let path): return try file(path + ".audit-key", create: true)
        case .sqliteMemory: return processKey
        case .postgres: throw KeyError.missingForPostgres
        }
    }

    /// One random key for the in-memory stores of this process.
    static let processKey = try! AuditKey(secret: [UInt8].random(count: 32).hex)

    private static func file(_ path: String, create: Bool) throws -> AuditKey {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            return try AuditKey(secret: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard create else { throw KeyError.unreadable(path) }
        let secret = [UInt8].random(count: 32).hex
        guard FileManager.default.createFile(atPath: path, contents: Data((secret + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw KeyError.unreadable(path)
        }
        return try AuditKey(secret: secret)
    }

    /// The keyed hash of `parts` (framed by ``framed(_:)``).
    func mac(_ parts: [String]) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(Self.framed(parts).utf8), using: key).hex
    }

    /// `parts` as one text, each prefixed by its length, so no two different lists give the same text.
    static func framed(_ parts: [String]) -> String { parts.map { "\($0.utf8.count):\($0)" }.joined() }

    /// The key every audit append and verification of this process uses (set by ``Store/configure(_:location:)``).
    static let current = NIOLockedValueBox<AuditKey?>(nil)

    /// The configured key.
    static func required() throws -> AuditKey {
        guard let key = current.withLockedValue({ $0 }) else { throw KeyError.missingForPostgres }
        return key
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

extension String {
    /// The SHA-256 of the text's UTF-8, in hexadecimal: how tokens, recovery codes and tried names are kept.
    var sha256: String { SHA256.hash(data: Data(utf8)).hex }
}
