import JixiaoStore
import Vapor

/// Sign-in (password, then the second factor where one is enrolled) and sign-out, throttled by
/// ``SignInThrottle`` and audited whatever the outcome.
struct SignInController: RouteCollection {
    /// The cookie that marks a browser its person signed in from (see ``SignInThrottle``).
    static let deviceCookie = "jixiao-device"
    /// How long a password-checked sign-in waits for its second factor.
    static let secondFactorWindow: TimeInterval = 5 * 60

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.signIn, use: form)
        routes.post(.signIn, use: signIn)
        routes.get(.signInSecondFactor, use: secondFactorForm)
        routes.post(.signInSecondFactor, use: secondFactor)
        routes.grouped(RequireSignIn()).post(.signOut, use: signOut)
    }

    private struct Form: Content {
        var username: String?
        var password: String?
        var code: String?
        var next: String?
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        let next = SafeRedirect.path(try? request.query.get(String.self, at: "next"))
        return html(SignInView.render(csrf: CSRF.token(for: request), next: next, error: nil, username: ""))
    }

    @Sendable func signIn(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let form = try request.content.decode(Form.self)
        let username = String((form.username ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
        let next = SafeRedirect.path(form.next)
        let policy = try await request.application.securityPolicy(on: request.db)
        let users = UserRepository(database: request.db, cost: request.application.webSettings.bcryptCost)
        let throttle = SignInThrottle(database: request.db, policy: policy)
        let source = request.sourceAddress
        let trusted = try await users.isTrustedDevice(token: request.cookies[Self.deviceCookie]?.string,
                                                      username: username)
        let attempt = AuditActor(name: username, role: "", source: source)
        if let wait = try await throttle.wait(source: source, username: username, trustedDevice: trusted) {
            try await AuditLog.append(on: request.db, actor: attempt, action: "signin.throttled", subject: username,
                                      after: "wait \(wait)s", outcome: .failure)
            return throttled(wait: wait, next: next, username: username, request: request)
        }
        switch try await users.checkPassword(username: username, password: form.password ?? "") {
        case .invalid:
            try await throttle.recordFailure(source: source, username: username)
            try await AuditLog.append(on: request.db, actor: attempt, action: "signin.failure", subject: username,
                                      outcome: .failure)
            let page = SignInView.render(csrf: CSRF.token(for: request), next: next,
                                         error: "用户名或密码不正确。", username: username)
            return html(page, status: .unauthorized)
        case .disabled:
            try await AuditLog.append(on: request.db, actor: attempt, action: "signin.disabled", subject: username,
                                      outcome: .failure)
            let page = SignInView.render(csrf: CSRF.token(for: request), next: next,
                                         error: "该账号已停用，请联系系统管理员。", username: username)
            return html(page, status: .forbidden)
        case .valid(let user):
            try await throttle.clear(source: source, username: username)
            let id = user.id
            if user.hasSecondFactor {
                try await renewSession(request)
                request.session.data[SessionKeys.pendingUser] = id.uuidString
                request.session.data[SessionKeys.pendingSince] = String(Date().timeIntervalSince1970)
                let query = "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
                return request.redirect(to: SiteURL.signInSecondFactor.path + query)
            }
            return try await complete(request, user: user, policy: policy, next: next, trusted: trusted)
        }
    }

    @Sendable func secondFactorForm(_ request: Request) async throws -> Response {
        guard request.session.data[SessionKeys.pendingUser] != nil else { return request.redirect(to: SiteURL.signIn.path) }
        let next = SafeRedirect.path(try? request.query.get(String.self, at: "next"))
        return html(SecondFactorSignInView.render(csrf: CSRF.token(for: request), next: next, error: nil))
    }

    @Sendable func secondFactor(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let form = try request.content.decode(Form.self)
        let next = SafeRedirect.path(form.next)
        guard let id = request.session.data[SessionKeys.pendingUser].flatMap(UUID.init(uuidString:)),
              let since = request.session.data[SessionKeys.pendingSince].flatMap(Double.init),
              Date().timeIntervalSince1970 - since < Self.secondFactorWindow else {
            request.session.destroy()
            return request.redirect(to: SiteURL.signIn.path)
        }
        let policy = try await request.application.securityPolicy(on: request.db)
        let users = UserRepository(database: request.db, cost: request.application.webSettings.bcryptCost)
        guard let user = try await users.find(id: id), !user.disabled else {
            request.session.destroy()
            return request.redirect(to: SiteURL.signIn.path)
        }
        let throttle = SignInThrottle(database: request.db, policy: policy)
        let source = request.sourceAddress
        let attempt = AuditActor(name: user.username, role: user.role, source: source)
        let trusted = try await users.isTrustedDevice(token: request.cookies[Self.deviceCookie]?.string,
                                                      username: user.username)
        if let wait = try await throttle.wait(source: source, username: user.username, trustedDevice: trusted) {
            try await AuditLog.append(on: request.db, actor: attempt, action: "signin.throttled",
                                      subject: user.username, after: "wait \(wait)s", outcome: .failure)
            return html(SecondFactorSignInView.render(csrf: CSRF.token(for: request), next: next,
                                                      error: Self.waitMessage(wait)), status: .tooManyRequests)
        }
        guard try await users.verifySecondFactor(id: id, code: form.code ?? "") else {
            try await throttle.recordFailure(source: source, username: user.username)
            try await AuditLog.append(on: request.db, actor: attempt, action: "signin.second-factor.failure",
                                      subject: user.username, outcome: .failure)
            return html(SecondFactorSignInView.render(csrf: CSRF.token(for: request), next: next,
                                                      error: "动态口令不正确或已使用过。"), status: .unauthorized)
        }
        return try await complete(request, user: user, policy: policy, next: next, trusted: trusted)
    }

    @Sendable func signOut(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        try await AuditLog.append(on: request.db, actor: request.auditActor, action: "signout",
                                  subject: request.auditActor.name)
        request.session.destroy()
        return request.redirect(to: SiteURL.signIn.path)
    }

    /// Opens the signed-in session: a new session id (no fixation), the restriction the account is under, the
    /// device cookie, the audit entry.
    private func complete(_ request: Request, user: StoredUser, policy: SecurityPolicy, next: String,
                          trusted: Bool) async throws -> Response {
        let id = user.id
        try await renewSession(request)
        let now = String(Date().timeIntervalSince1970)
        request.session.data[SessionKeys.user] = id.uuidString
        request.session.data[SessionKeys.issued] = now
        request.session.data[SessionKeys.seen] = now
        let expired = policy.passwordMaxAge.map { maxAge in
            (user.passwordChangedAt ?? .distantPast).addingTimeInterval(maxAge) < Date()
        } ?? false
        let role = Role(rawValue: user.role)
        var restriction: Restriction?
        if user.mustChangePassword || expired {
            restriction = .changePassword
        } else if policy.secondFactorRequired, role?.isPrivileged == true, !user.hasSecondFactor {
            restriction = .enrolSecondFactor
        }
        request.session.data[SessionKeys.restriction] = restriction?.rawValue
        let actor = AuditActor(name: user.username, role: user.role, source: request.sourceAddress)
        try await AuditLog.append(on: request.db, actor: actor, action: "signin.success", subject: user.username,
                                  after: restriction?.rawValue ?? "")
        let response = request.redirect(to: restriction?.page.path ?? next, redirectType: .normal)
        if !trusted {
            let token = try await UserRepository(database: request.db).trustDevice(userID: id)
            response.cookies[Self.deviceCookie] = HTTPCookies.Value(
                string: token, expires: Date().addingTimeInterval(365 * 86_400), path: "/",
                isSecure: request.application.webSettings.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    /// Drops the session the request came with and starts an empty one.
    private func renewSession(_ request: Request) async throws {
        if let old = request.session.id {
            try await request.application.sessions.driver.deleteSession(old, for: request).get()
        }
        request.session.id = nil
        request.session.data = SessionData()
    }

    private func throttled(wait: Int, next: String, username: String, request: Request) -> Response {
        let page = SignInView.render(csrf: CSRF.token(for: request), next: next, error: Self.waitMessage(wait),
                                     username: username)
        let response = html(page, status: .tooManyRequests)
        response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
        return response
    }

    static func waitMessage(_ wait: Int) -> String {
        "登录失败次数较多，为保护账号，请 \(wait) 秒后再试。"
    }
}

/// An HTML response (the security headers are added for every response by ``SecurityHeadersMiddleware``).
func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
    let response = Response(status: status, body: .init(string: body))
    response.headers.contentType = .html
    return response
}
