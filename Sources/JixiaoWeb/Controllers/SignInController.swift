import JixiaoStore
import Vapor

/// Sign-in and sign-out.
struct SignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: form)
        routes.post("login", use: signIn)
        routes.grouped(RequireSignIn()).post("logout", use: signOut)
    }

    private struct Form: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        let next = (try? request.query.get(String.self, at: "next")) ?? SiteURL.home.path
        return html(SignInView.render(csrf: CSRF.token(for: request), next: next, error: nil, username: ""))
    }

    @Sendable func signIn(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let form = try request.content.decode(Form.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let next = safeNext(form.next)
        let users = UserRepository(database: request.db, cost: request.application.webSettings.bcryptCost)
        let outcome = try await users.signIn(username: username, password: form.password ?? "")
        switch outcome {
        case .success(let id):
            // A new session for the signed-in person: the one the sign-in form ran in is dropped (no fixation).
            if let old = request.session.id {
                try await request.application.sessions.driver.deleteSession(old, for: request).get()
            }
            request.session.id = nil
            request.session.data = SessionData()
            request.session.data[SessionKeys.user] = id.uuidString
            request.session.data[SessionKeys.issued] = String(Date().timeIntervalSince1970)
            return request.redirect(to: next, redirectType: .normal)
        case .wrongCredentials:
            let page = SignInView.render(csrf: CSRF.token(for: request), next: next,
                                         error: "用户名或密码不正确。", username: username)
            return html(page, status: .unauthorized)
        case .locked(let until):
            let minutes = max(1, Int(until.timeIntervalSinceNow / 60) + 1)
            let page = SignInView.render(csrf: CSRF.token(for: request), next: next,
                                         error: "连续登录失败次数过多，账号已锁定，请 \(minutes) 分钟后再试或联系管理员。",
                                         username: username)
            return html(page, status: .tooManyRequests)
        }
    }

    @Sendable func signOut(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        request.session.destroy()
        return request.redirect(to: SiteURL.signIn.path)
    }

    /// Only a path on this site: an open redirect would let a link send someone elsewhere after signing in.
    private func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return SiteURL.home.path }
        return next
    }
}

/// An HTML response.
func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
    let response = Response(status: status, body: .init(string: body))
    response.headers.contentType = .html
    response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                  value: "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'")
    response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
    return response
}
