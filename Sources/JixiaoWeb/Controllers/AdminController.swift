import JixiaoStore
import Vapor

/// The administrators' pages: 用户管理 for the 系统管理员 and 安全策略 for the 安全管理员 (三员分立: each sees
/// only their own page).
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminUsers, use: users)
        routes.post(.adminUsers, use: addUser)
        routes.post(.adminUser(username: .parameter, action: .parameter), use: userAction)
        routes.get(.securityPolicy, use: policy)
        routes.post(.securityPolicy, use: changePolicy)
    }

    private struct NewUser: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var organisation: String?
    }

    @Sendable func users(_ request: Request) async throws -> Response {
        _ = try require(.admin, request)
        return try await usersPage(request, message: nil, errors: [])
    }

    @Sendable func addUser(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try require(.admin, request)
        let form = try request.content.decode(NewUser.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty, let role = form.role.flatMap(Role.init(rawValue:)) else {
            return try await usersPage(request, message: nil, errors: ["请填写用户名并选择角色"], status: .unprocessableEntity)
        }
        let organisation = form.organisation.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let password = try await request.application.securityPolicy(on: request.db).generatedPassword()
        do {
            try await UserRepository(database: request.db, cost: request.application.webSettings.bcryptCost).add(
                username: username, displayName: form.displayName.flatMap { $0.isEmpty ? nil : $0 } ?? username,
                password: password, role: role, organisationCode: role.isDepartmental ? organisation : nil,
                actor: user.auditActor)
        } catch let error as UserRepository.UserError {
            return try await usersPage(request, message: nil, errors: [error.description], status: .unprocessableEntity)
        }
        return try await usersPage(request, message: "已添加 \(username)，初始密码：\(password)（只显示这一次，首次登录须修改）",
                                   errors: [])
    }

    @Sendable func userAction(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try require(.admin, request)
        guard let username = request.parameters.get("username"), let action = request.parameters.get("action") else {
            throw Abort(.notFound)
        }
        guard username != user.username else { throw Abort(.forbidden, reason: "不能在这里停用、删除或重置自己的账号。") }
        let users = UserRepository(database: request.db, cost: request.application.webSettings.bcryptCost)
        let message: String
        do {
            switch action {
            case "disable":
                try await users.setDisabled(true, username: username, actor: user.auditActor)
                message = "已停用 \(username)"
            case "enable":
                try await users.setDisabled(false, username: username, actor: user.auditActor)
                message = "已启用 \(username)"
            case "remove":
                try await users.remove(username: username, actor: user.auditActor)
                message = "已删除 \(username)"
            case "reset-password":
                let password = try await request.application.securityPolicy(on: request.db).generatedPassword()
                try await users.resetPassword(username: username, password: password, actor: user.auditActor)
                message = "已重置 \(username) 的密码：\(password)（只显示这一次，登录时须修改）"
            case "reset-second-factor":
                try await users.removeSecondFactor(username: username, actor: user.auditActor)
                message = "已解除 \(username) 的动态口令"
            default: throw Abort(.notFound)
            }
        } catch let error as UserRepository.UserError {
            return try await usersPage(request, message: nil, errors: [error.description], status: .unprocessableEntity)
        }
        return try await usersPage(request, message: message, errors: [])
    }

    @Sendable func policy(_ request: Request) async throws -> Response {
        let user = try require(.securityAdmin, request)
        let policy = try await SettingsRepository(database: request.db).policy()
        return html(SecurityPolicyView.render(policy: policy, user: user, csrf: CSRF.token(for: request),
                                              message: nil, errors: []))
    }

    @Sendable func changePolicy(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        guard user.role == .securityAdmin else { throw Abort(.forbidden, reason: "安全策略只由安全管理员设置。") }
        var changes: [String: Int] = [:]
        var errors: [String] = []
        for setting in SecurityPolicy.settings {
            let typed = (try? request.content.get(String.self, at: setting.key)) ?? ""
            if let value = Int(typed.trimmingCharacters(in: .whitespaces)) { changes[setting.key] = value } else {
                errors.append("\(setting.label)须是整数")
            }
        }
        let repository = SettingsRepository(database: request.db)
        if errors.isEmpty {
            do { try await repository.change(changes, actor: user.auditActor) } catch let invalid as SettingsRepository.PolicyErrors {
                errors = invalid.errors.map(\.message)
            }
        }
        request.application.policyCache.invalidate()
        let policy = try await repository.policy()
        return html(SecurityPolicyView.render(policy: policy, user: user, csrf: CSRF.token(for: request),
                                              message: errors.isEmpty ? "安全策略已保存。" : nil, errors: errors),
                    status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func require(_ role: Role, _ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        guard user.role == role else { throw Abort(.forbidden, reason: "这一页只对\(role.chinese)开放。") }
        return user
    }

    private func usersPage(_ request: Request, message: String?, errors: [String],
                           status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let rows = try await UserRepository(database: request.db).all().map { model in
            AdminUsersView.Row(username: model.username, displayName: model.displayName,
                               role: Role(rawValue: model.role)?.chinese ?? model.role,
                               organisation: model.organisationCode ?? "—", disabled: model.disabled,
                               secondFactor: model.hasSecondFactor, mustChange: model.mustChangePassword)
        }
        return html(AdminUsersView.render(rows: rows, user: user, csrf: CSRF.token(for: request), message: message,
                                          errors: errors), status: status)
    }
}
