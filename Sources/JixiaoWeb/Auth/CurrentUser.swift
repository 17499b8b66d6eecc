import Foundation
import JixiaoStore
import Vapor

/// The signed-in person, loaded once per request from the session.
public struct CurrentUser: Sendable {
    public let id: UUID
    public let username: String
    public let displayName: String
    public let role: Role
    /// The department's code, for departmental roles.
    public let organisationCode: String?
    /// The address the request came from.
    public let source: String

    /// Whether this person may see a department's data: their own department, or any for the bureau's reviewers
    /// and auditors. The administrators see none (三员分立).
    public func maySee(organisation code: String) -> Bool {
        role.isDepartmental ? organisationCode == code : !role.isAdministrator
    }

    /// The one department a departmental role's lists are narrowed to (matching none when the account names no
    /// department); nil for the bureau's roles, whose lists hold every department.
    public var ownOrganisation: String? { role.isDepartmental ? organisationCode ?? "" : nil }

    /// Whether this person may change a department's data: its own preparer or head only. Reviewers return or
    /// approve a submission; auditors and the administrators change no department's data.
    public func mayChange(organisation code: String) -> Bool {
        role.isDepartmental && organisationCode == code
    }

    /// This person as the audit trail records them.
    public var auditActor: AuditActor { AuditActor(name: username, role: role.rawValue, source: source) }
}

extension Request {
    private struct CurrentUserKey: StorageKey {
        typealias Value = CurrentUser
    }

    /// The signed-in user; routes behind ``RequireSignIn`` always have one.
    public var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user, or a 401 for routes that forgot ``RequireSignIn``.
    public func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw Abort(.unauthorized) }
        return user
    }

    /// The bureau's reviewer (or, to read, its auditor) for the bureau's own work named by `work` (自评复核,
    /// 评价结果应用…); 403 for everyone else, saying whose work it is.
    func requireBureau(acting: Bool, for work: String) throws -> CurrentUser {
        let user = try requireUser()
        guard user.role == .reviewer || (!acting && user.role == .auditor) else {
            throw Abort(.forbidden, reason: acting ? "\(work)只由财政局审核人进行。" : "\(work)只有财政局可以查看。")
        }
        return user
    }

    /// Who acts, for the audit trail: the signed-in person, or an anonymous visitor from this address.
    var auditActor: AuditActor {
        currentUser?.auditActor ?? AuditActor(name: "anonymous", role: "", source: sourceAddress)
    }
}

/// Session keys.
enum SessionKeys {
    static let user = "user"
    static let issued = "issued"
    /// When the session last saw a request (for the idle timeout).
    static let seen = "seen"
    static let csrf = "csrf"
    /// What the person must do before anything else: a ``Restriction`` raw value.
    static let restriction = "restriction"
    /// The account whose password was right and whose second factor is awaited, and since when.
    static let pendingUser = "pending-user"
    static let pendingSince = "pending-since"
    /// The second-factor secret being enrolled, until a code from it is typed.
    static let enrolSecret = "enrol-secret"
    /// `seen` is written at most this often, so reading a page rarely writes the session.
    static let seenResolution: TimeInterval = 60
}

/// What a signed-in person must do before they may use anything else.
enum Restriction: String {
    /// Choose a new password (first sign-in, after a reset, or an expired one).
    case changePassword = "change-password"
    /// Enrol a second factor (the policy requires one for the role).
    case enrolSecondFactor = "enrol-second-factor"

    /// The pages open while the restriction holds.
    var allowedPaths: [String] {
        switch self {
        case .changePassword: [SiteURL.accountPassword.path, SiteURL.signOut.path]
        case .enrolSecondFactor: [SiteURL.accountSecondFactor.path, SiteURL.signOut.path]
        }
    }

    var page: SiteURL { self == .changePassword ? .accountPassword : .accountSecondFactor }
}

/// Loads the signed-in user from the session; a page without one goes to the sign-in page, an API call gets 401.
/// A session ends after the policy's idle time without a request, after its absolute lifetime, and as soon as the
/// account is disabled or removed. A restricted session (a password to change, a second factor to enrol) reaches
/// only the page that lifts the restriction.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let policy = try await request.application.securityPolicy(on: request.db)
        let now = Date().timeIntervalSince1970
        let session = request.session.data
        if let id = session[SessionKeys.user].flatMap(UUID.init(uuidString:)),
           let issued = session[SessionKeys.issued].flatMap(Double.init),
           now - issued < policy.sessionLifetime,
           now - (session[SessionKeys.seen].flatMap(Double.init) ?? issued) < policy.idleTimeout,
           let user = try await UserRepository(database: request.db).signed(id: id), !user.disabled,
           let role = Role(rawValue: user.role) {
            if now - (session[SessionKeys.seen].flatMap(Double.init) ?? issued) > SessionKeys.seenResolution {
                request.session.data[SessionKeys.seen] = String(now)
            }
            request.currentUser = CurrentUser(id: id, username: user.username, displayName: user.displayName,
                                              role: role, organisationCode: user.organisationCode,
                                              source: request.sourceAddress)
            if let restriction = session[SessionKeys.restriction].flatMap(Restriction.init(rawValue:)),
               !restriction.allowedPaths.contains(request.url.path) {
                if request.url.path.hasPrefix("/api/") {
                    throw Abort(.forbidden, reason: restriction == .changePassword
                        ? "请先在网页上修改密码。" : "请先在网页上设置动态口令。")
                }
                return request.redirect(to: restriction.page.path)
            }
            return try await next.respond(to: request)
        }
        request.session.destroy()
        if request.url.path.hasPrefix("/api/") { throw Abort(.unauthorized) }
        let back = request.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return request.redirect(to: SiteURL.signIn.path + "?next=" + back)
    }
}

/// The per-session token every form carries; a POST without the right one is refused.
enum CSRF {
    static let field = "_csrf"

    /// The session's token, made on first use.
    static func token(for request: Request) -> String {
        if let token = request.session.data[SessionKeys.csrf] { return token }
        let token = [UInt8].random(count: 24).base64
        request.session.data[SessionKeys.csrf] = token
        return token
    }

    /// The header API clients send the token in.
    static let header = "X-CSRF-Token"

    /// Refuses a form (or API call) whose token is missing or wrong.
    static func verify(_ request: Request) throws {
        let sent = request.headers.first(name: header) ?? (try? request.content.get(String.self, at: field))
        guard let expected = request.session.data[SessionKeys.csrf], let sent,
              sent.utf8.count == expected.utf8.count,
              zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw Abort(.forbidden, reason: "表单已过期或来源不明，请刷新页面后重新提交。")
        }
    }
}
