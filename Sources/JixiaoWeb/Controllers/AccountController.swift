import JixiaoStore
import Vapor

/// 我的账号: every signed-in person changes their own password and manages their own second factor here. These
/// pages also lift a session's restriction (a password to change, a second factor to enrol).
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.account, use: show)
        routes.get(.accountPassword, use: passwordForm)
        routes.post(.accountPassword, use: changePassword)
        routes.get(.accountSecondFactor, use: enrolForm)
        routes.post(.accountSecondFactor, use: enrol)
        routes.post(.accountSecondFactorRemove, use: removeSecondFactor)
    }

    private struct PasswordForm: Content {
        var current: String?
        var new: String?
        var again: String?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await page(request, message: nil, errors: [], status: .ok)
    }

    @Sendable func passwordForm(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        if restriction(request) == .changePassword {
            return html(AccountView.forcedPassword(user: user, csrf: CSRF.token(for: request), errors: []))
        }
        return try await page(request, message: nil, errors: [], status: .ok)
    }

    @Sendable func changePassword(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        let form = try request.content.decode(PasswordForm.self)
        var errors: [String] = []
        if form.new != form.again { errors.append("两次输入的新密码不一致") }
        if errors.isEmpty {
            do {
                try await UserRepository(database: request.db, cost: request.application.webSettings.bcryptCost)
                    .changePassword(id: user.id, current: form.current ?? "", new: form.new ?? "",
                                    actor: user.auditActor)
            } catch let error as UserRepository.UserError {
                errors.append(error.description)
            }
        }
        guard errors.isEmpty else {
            if restriction(request) == .changePassword {
                return html(AccountView.forcedPassword(user: user, csrf: CSRF.token(for: request), errors: errors),
                            status: .unprocessableEntity)
            }
            return try await page(request, message: nil, errors: errors, status: .unprocessableEntity)
        }
        if restriction(request) == .changePassword {
            let policy = try await request.application.securityPolicy(on: request.db)
            let hasFactor = try await UserRepository(database: request.db).find(id: user.id)?.hasSecondFactor == true
            let next: Restriction? = policy.secondFactorRequired && user.role.isPrivileged && !hasFactor
                ? .enrolSecondFactor : nil
            request.session.data[SessionKeys.restriction] = next?.rawValue
            return request.redirect(to: next?.page.path ?? SiteURL.home.path)
        }
        return try await page(request, message: "密码已修改。", errors: [], status: .ok)
    }

    @Sendable func enrolForm(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let secret = request.session.data[SessionKeys.enrolSecret] ?? TOTP.newSecret()
        request.session.data[SessionKeys.enrolSecret] = secret
        return html(AccountView.enrol(user: user, secret: secret, uri: TOTP.uri(secret: secret, account: user.username),
                                      csrf: CSRF.token(for: request), error: nil))
    }

    @Sendable func enrol(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        guard let secret = request.session.data[SessionKeys.enrolSecret] else {
            return request.redirect(to: SiteURL.accountSecondFactor.path)
        }
        let code = (try? request.content.get(String.self, at: "code")) ?? ""
        guard let codes = try await UserRepository(database: request.db).enrolSecondFactor(
            id: user.id, secret: secret, code: code, actor: user.auditActor) else {
            return html(AccountView.enrol(user: user, secret: secret, uri: TOTP.uri(secret: secret, account: user.username),
                                          csrf: CSRF.token(for: request),
                                          error: "动态口令不正确：请检查手机时间是否准确，再输入新显示的六位数字。"),
                        status: .unprocessableEntity)
        }
        request.session.data[SessionKeys.enrolSecret] = nil
        if restriction(request) == .enrolSecondFactor { request.session.data[SessionKeys.restriction] = nil }
        return html(AccountView.recoveryCodes(user: user, codes: codes, csrf: CSRF.token(for: request)))
    }

    @Sendable func removeSecondFactor(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        let policy = try await request.application.securityPolicy(on: request.db)
        guard !(policy.secondFactorRequired && user.role.isPrivileged) else {
            throw Abort(.forbidden, reason: "安全策略要求\(user.role.chinese)使用动态口令，不能停用。")
        }
        try await UserRepository(database: request.db).removeSecondFactor(username: user.username,
                                                                         actor: user.auditActor)
        return try await page(request, message: "动态口令已停用。", errors: [], status: .ok)
    }

    private func page(_ request: Request, message: String?, errors: [String],
                      status: HTTPResponseStatus) async throws -> Response {
        let user = try request.requireUser()
        let hasFactor = try await UserRepository(database: request.db).find(id: user.id)?.hasSecondFactor == true
        return html(AccountView.render(user: user, hasSecondFactor: hasFactor, csrf: CSRF.token(for: request),
                                       message: message, errors: errors), status: status)
    }

    private func restriction(_ request: Request) -> Restriction? {
        request.session.data[SessionKeys.restriction].flatMap(Restriction.init(rawValue:))
    }
}
