import Fluent
import Foundation
import Vapor

/// People and their sign-in state. Passwords are kept only as bcrypt hashes.
public struct UserRepository: Sendable {
    public let database: any Database
    /// bcrypt's cost; tests lower it to stay quick.
    public let cost: Int

    /// Sign-in failures before an account is locked, and for how long.
    public static let lockoutThreshold = 5
    public static let lockoutDuration: TimeInterval = 15 * 60

    public init(database: any Database, cost: Int = 12) {
        self.database = database
        self.cost = cost
    }

    /// Why a user cannot be added or changed.
    public enum UserError: Error, CustomStringConvertible, Equatable {
        case exists(String)
        case unknown(String)
        case noOrganisation(String)
        case organisationRequired(Role)
        case weakPassword

        public var description: String {
            switch self {
            case .exists(let name): "user \(name) already exists"
            case .unknown(let name): "there is no user \(name)"
            case .noOrganisation(let code): "there is no organisation \(code) (import its year first)"
            case .organisationRequired(let role): "a \(role.rawValue) belongs to a department: give --organisation"
            case .weakPassword: "the password must have at least 10 characters"
            }
        }
    }

    public func find(_ username: String) async throws -> UserModel? {
        try await UserModel.query(on: database).filter(\.$username == username).with(\.$organisation).first()
    }

    public func all() async throws -> [UserModel] {
        try await UserModel.query(on: database).with(\.$organisation).sort(\.$username).all()
    }

    /// Adds a user; departmental roles need their organisation's code.
    @discardableResult
    public func add(username: String, displayName: String, password: String, role: Role,
                    organisationCode: String?, actor: String) async throws -> UserModel {
        guard password.count >= 10 else { throw UserError.weakPassword }
        guard try await find(username) == nil else { throw UserError.exists(username) }
        var organisationID: UUID?
        if let organisationCode {
            guard let organisation = try await YearRepository(database: database).organisation(code: organisationCode)
            else { throw UserError.noOrganisation(organisationCode) }
            organisationID = organisation.id
        } else if role.isDepartmental {
            throw UserError.organisationRequired(role)
        }
        let user = UserModel(username: username, displayName: displayName,
                             passwordHash: try Bcrypt.hash(password, cost: cost), role: role,
                             organisationID: organisationID)
        try await database.transaction { database in
            try await user.create(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "user.add", subject: username,
                                      after: "\(role.rawValue) \(organisationCode ?? "")")
        }
        return user
    }

    /// Sets a new password and unlocks the account.
    public func setPassword(username: String, password: String, actor: String) async throws {
        guard password.count >= 10 else { throw UserError.weakPassword }
        guard let user = try await find(username) else { throw UserError.unknown(username) }
        user.passwordHash = try Bcrypt.hash(password, cost: cost)
        user.failedAttempts = 0
        user.lockedUntil = nil
        try await database.transaction { database in
            try await user.save(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "user.passwd", subject: username)
        }
    }

    /// The outcome of a sign-in attempt.
    public enum SignIn: Equatable {
        case success(UUID)
        case wrongCredentials
        case locked(until: Date)
    }

    /// Checks a password, counting failures and locking the account after ``lockoutThreshold`` of them.
    public func signIn(username: String, password: String, now: Date = Date()) async throws -> SignIn {
        guard let user = try await find(username) else {
            _ = try? Bcrypt.hash(password, cost: cost)  // the same work as for a real user: no timing hint
            return .wrongCredentials
        }
        if let until = user.lockedUntil, until > now { return .locked(until: until) }
        guard try Bcrypt.verify(password, created: user.passwordHash) else {
            user.failedAttempts += 1
            if user.failedAttempts >= Self.lockoutThreshold {
                user.lockedUntil = now.addingTimeInterval(Self.lockoutDuration)
                user.failedAttempts = 0
            }
            try await user.save(on: database)
            return user.lockedUntil.map { $0 > now ? .locked(until: $0) : .wrongCredentials } ?? .wrongCredentials
        }
        if user.failedAttempts != 0 || user.lockedUntil != nil {
            user.failedAttempts = 0
            user.lockedUntil = nil
            try await user.save(on: database)
        }
        return .success(try user.requireID())
    }
}
