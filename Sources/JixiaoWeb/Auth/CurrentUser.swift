import Fluent
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

    /// Whether this person may see a department's data.
    public func maySee(organisation code: String) -> Bool {
        !role.isDepartmental || organisationCode == code
    }

    /// Whether this person may change a department's data: its own preparer or head, or an administrator.
    /// Reviewers return or approve a submission; they do not edit it. Auditors change nothing.
    public func mayChange(organisation code: String) -> Bool {
        role == .admin || (role.isDepartmental && organisationCode == code)
    }
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
}

/// Session keys and lifetime.
enum SessionKeys {
    static let user = "user"
    static let issued = "issued"
    static let csrf = "csrf"
    /// A session ends this long after sign-in, whatever the activity.
    static let lifetime: TimeInterval = 8 * 60 * 60
}

/// Loads the signed-in user from the session; a page without one goes to the sign-in page, an API call gets 401.
/// Sessions older than ``SessionKeys/lifetime`` end here.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let id = request.session.data[SessionKeys.user].flatMap(UUID.init(uuidString:)),
           let issued = request.session.data[SessionKeys.issued].flatMap(Double.init),
           Date().timeIntervalSince1970 - issued < SessionKeys.lifetime,
           let user = try await UserModel.query(on: request.db).filter(\.$id == id).with(\.$organisation).first(),
           let role = Role(rawValue: user.role) {
            request.currentUser = CurrentUser(id: id, username: user.username, displayName: user.displayName,
                                              role: role, organisationCode: user.organisation?.code)
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
