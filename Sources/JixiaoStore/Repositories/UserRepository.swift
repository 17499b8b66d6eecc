import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// People, their passwords (bcrypt hashes only, checked against the ``SecurityPolicy``), their second factor and
/// whether they may sign in. Every change is audited.
public struct UserRepository: Sendable {
    public let database: any Database
    /// bcrypt's cost; tests lower it to stay quick.
    public let cost: Int

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
        case weakPassword([String])
        case reusedPassword(Int)
        case wrongPassword

        public var description: String {
            switch self {
            case .exists(let name): "用户 \(name) 已存在"
            case .unknown(let name): "没有用户 \(name)"
            case .noOrganisation(let code): "没有单位 \(code)（请先导入它的年度数据）"
            case .organisationRequired(let role): "\(role.chinese)属于某个部门：请给出 --organisation"
            case .weakPassword(let problems): problems.joined(separator: "；")
            case .reusedPassword(let count): "新密码不能与最近 \(count) 次用过的密码相同"
            case .wrongPassword: "当前密码不正确"
            }
        }
    }

    /// The user named `username`, or nil.
    public func find(_ username: String) async throws -> StoredUser? {
        try await row(username).map { try StoredUser($0) }
    }

    /// The user with `id`, or nil.
    public func find(id: UUID) async throws -> StoredUser? {
        try await row(id: id).map { try StoredUser($0) }
    }

    func row(_ username: String) async throws -> UserModel? {
        try await UserModel.query(on: database).filter(\.$username == username).with(\.$organisation).first()
    }

    func row(id: UUID) async throws -> UserModel? {
        try await UserModel.query(on: database).filter(\.$id == id).with(\.$organisation).first()
    }

    /// What every signed-in request needs of its user, in one query: who they are, their role and department, and
    /// whether the account is disabled.
    public struct Signed: Sendable, Equatable {
        public var username: String
        public var displayName: String
        public var role: String
        public var organisationCode: String?
        public var disabled: Bool
    }

    /// The user with `id` as a signed-in request sees them; nil when there is none.
    public func signed(id: UUID) async throws -> Signed? {
        let sql = database as! any SQLDatabase
        guard let row = try await sql.select()
            .column(SQLColumn("username", table: "u")).column(SQLColumn("display_name", table: "u"))
            .column(SQLColumn("role", table: "u")).column(SQLColumn("disabled", table: "u"))
            .column(SQLColumn("code", table: "o"))
            .from(SQLAlias(SQLIdentifier(UserModel.schema), as: SQLIdentifier("u")))
            .joiningOrganisation(of: "u", method: .left)
            .where(SQLColumn("id", table: "u"), .equal, SQLBind(id))
            .first() else { return nil }
        return Signed(username: try row.decode(column: "username", as: String.self),
                      displayName: try row.decode(column: "display_name", as: String.self),
                      role: try row.decode(column: "role", as: String.self),
                      organisationCode: try row.decode(column: "code", as: String?.self),
                      disabled: try row.decode(column: "disabled", as: Bool.self))
    }

    /// Every user, by name.
    public func all() async throws -> [StoredUser] {
        try await UserModel.query(on: database).with(\.$organisation).sort(\.$username).all().map { try StoredUser($0) }
    }

    /// Adds a user; departmental roles need their organisation's code. The password must meet the policy; unless
    /// `mustChangePassword` is false, the person chooses their own at first sign-in.
    @discardableResult
    public func add(username: String, displayName: String, password: String, role: Role, organisationCode: String?,
                    mustChangePassword: Bool = true, actor: AuditActor) async throws -> StoredUser {
        try await checkPolicy(password, username: username)
        guard try await row(username) == nil else { throw UserError.exists(username) }
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
        user.passwordChangedAt = Date()
        user.mustChangePassword = mustChangePassword
        try await database.transaction { database in
            try await user.create(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "user.add", subject: username,
                                      after: "\(role.rawValue) \(organisationCode ?? "")")
        }
        return try StoredUser(user, organisationCode: organisationCode)
    }

    /// An administrator sets a new password (the person must change it at next sign-in unless `mustChange` is
    /// false).
    public func resetPassword(username: String, password: String, mustChange: Bool = true,
                              actor: AuditActor) async throws {
        guard let user = try await row(username) else { throw UserError.unknown(username) }
        try await checkPolicy(password, username: username)
        user.passwordHistory = history(adding: user.passwordHash, to: user.passwordHistory)
        user.passwordHash = try Bcrypt.hash(password, cost: cost)
        user.passwordChangedAt = Date()
        user.mustChangePassword = mustChange
        try await save(user, action: "user.reset-password", actor: actor)
    }

    /// A person changes their own password: the current one must be right, the new one must meet the policy and
    /// differ from the last ones kept.
    public func changePassword(id: UUID, current: String, new: String, actor: AuditActor) async throws {
        guard let user = try await row(id: id) else { throw UserError.unknown(id.uuidString) }
        guard try Bcrypt.verify(current, created: user.passwordHash) else { throw UserError.wrongPassword }
        try await checkPolicy(new, username: user.username)
        let kept = try await SettingsRepository(database: database).policy().passwordHistory
        let recent = [user.passwordHash] + user.passwordHistory.split(separator: "\n").prefix(kept).map(String.init)
        for hash in recent where try Bcrypt.verify(new, created: hash) { throw UserError.reusedPassword(max(kept, 1)) }
        user.passwordHistory = history(adding: user.passwordHash, to: user.passwordHistory)
        user.passwordHash = try Bcrypt.hash(new, cost: cost)
        user.passwordChangedAt = Date()
        user.mustChangePassword = false
        try await save(user, action: "user.change-password", actor: actor)
    }

    /// Disables or enables an account; a disabled account's sessions end at their next request.
    public func setDisabled(_ disabled: Bool, username: String, actor: AuditActor) async throws {
        guard let user = try await row(username) else { throw UserError.unknown(username) }
        user.disabled = disabled
        try await save(user, action: disabled ? "user.disable" : "user.enable", actor: actor)
    }

    /// Removes an account (its audit entries stay).
    public func remove(username: String, actor: AuditActor) async throws {
        guard let user = try await row(username) else { throw UserError.unknown(username) }
        try await database.transaction { database in
            try await TrustedDeviceModel.query(on: database).filter(\.$user.$id == user.requireID()).delete()
            try await user.delete(on: database)
            try await AuditLog.append(on: database, actor: actor, action: "user.remove", subject: username,
                                      before: "\(user.role) \(user.organisation?.code ?? "")")
        }
    }

    /// What a password check found.
    public enum PasswordCheck: Sendable {
        case valid(StoredUser)
        case invalid
        case disabled
    }

    /// Checks a password. An unknown name costs the same bcrypt work as a known one (the decoy is made at this
    /// repository's cost, and a stored hash of another cost is remade at it on the next sign-in), so time tells
    /// nothing.
    public func checkPassword(username: String, password: String) async throws -> PasswordCheck {
        guard let user = try await row(username) else {
            _ = try? Bcrypt.verify(password, created: Self.decoy(cost: cost))
            return .invalid
        }
        guard try Bcrypt.verify(password, created: user.passwordHash) else { return .invalid }
        // A hash made at another cost is remade at this one, so every account (and the decoy) costs the same.
        if !user.passwordHash.hasPrefix(String(format: "$2b$%02d$", cost)) {
            user.passwordHash = try Bcrypt.hash(password, cost: cost)
            try await user.save(on: database)
        }
        return user.disabled ? .disabled : .valid(try StoredUser(user))
    }

    // MARK: second factor

    /// Turns the second factor on with `secret` once the person typed a code it makes; returns ten one-time
    /// recovery codes, shown once.
    public func enrolSecondFactor(id: UUID, secret: String, code: String, actor: AuditActor) async throws -> [String]? {
        guard let user = try await row(id: id),
              let step = TOTP.matchingStep(secret: secret, typed: code, at: Date(), after: 0) else { return nil }
        let codes = (0..<10).map { _ in Self.recoveryCode() }
        user.totpSecret = secret
        user.totpLastStep = step
        user.recoveryCodes = codes.map { $0.replacingOccurrences(of: "-", with: "").sha256 }
            .joined(separator: "\n")
        try await save(user, action: "user.second-factor.enrol", actor: actor)
        return codes
    }

    /// Checks a second-factor code — a TOTP code not used before, or an unused recovery code, which is then spent.
    public func verifySecondFactor(id: UUID, code: String) async throws -> Bool {
        guard let user = try await row(id: id), let secret = user.totpSecret else { return false }
        if let step = TOTP.matchingStep(secret: secret, typed: code, at: Date(), after: user.totpLastStep) {
            user.totpLastStep = step
            try await user.save(on: database)
            return true
        }
        let digest = code.filter { !$0.isWhitespace && $0 != "-" }.lowercased().sha256
        var unused = user.recoveryCodes.split(separator: "\n").map(String.init)
        guard let index = unused.firstIndex(of: digest) else { return false }
        unused.remove(at: index)
        user.recoveryCodes = unused.joined(separator: "\n")
        try await user.save(on: database)
        return true
    }

    /// Removes the second factor (by its owner, or an administrator after a lost phone).
    public func removeSecondFactor(username: String, actor: AuditActor) async throws {
        guard let user = try await row(username) else { throw UserError.unknown(username) }
        user.totpSecret = nil
        user.totpLastStep = 0
        user.recoveryCodes = ""
        try await save(user, action: "user.second-factor.remove", actor: actor)
    }

    // MARK: trusted devices

    /// Remembers the browser a person signed in from; returns the token its cookie keeps.
    public func trustDevice(userID: UUID) async throws -> String {
        let token = [UInt8].random(count: 32).hex
        let device = TrustedDeviceModel()
        device.$user.id = userID
        device.tokenHash = token.sha256
        device.createdAt = Date()
        try await device.create(on: database)
        return token
    }

    /// Whether `token` is a device `username` signed in from.
    public func isTrustedDevice(token: String?, username: String) async throws -> Bool {
        guard let token, !token.isEmpty,
              let device = try await TrustedDeviceModel.query(on: database)
                .filter(\.$tokenHash == token.sha256).with(\.$user).first() else { return false }
        return device.user.username == username
    }

    // MARK: helpers

    private func checkPolicy(_ password: String, username: String) async throws {
        let problems = try await SettingsRepository(database: database).policy()
            .problems(password: password, username: username)
        guard problems.isEmpty else { throw UserError.weakPassword(problems) }
    }

    private func history(adding hash: String, to history: String) -> String {
        ([hash] + history.split(separator: "\n").map(String.init)).prefix(24).joined(separator: "\n")
    }

    private func save(_ user: UserModel, action: String, actor: AuditActor) async throws {
        try await database.transaction { database in
            try await user.save(on: database)
            try await AuditLog.append(on: database, actor: actor, action: action, subject: user.username)
        }
    }

    /// A recovery code: 10 characters of base32 in two groups, e.g. `k3f9q-2mzta`.
    private static func recoveryCode() -> String {
        let text = Base32.encode([UInt8].random(count: 7)).lowercased().prefix(10)
        return String(text.prefix(5)) + "-" + String(text.suffix(5))
    }

    /// A hash of nothing anyone knows, at `cost`, for unknown names to be checked against.
    private static func decoy(cost: Int) throws -> String {
        if let hash = decoys.withLockedValue({ $0[cost] }) { return hash }
        let hash = try Bcrypt.hash([UInt8].random(count: 16).hex, cost: cost)
        decoys.withLockedValue { $0[cost] = hash }
        return hash
    }

    private static let decoys = NIOLockedValueBox<[Int: String]>([:])
}
