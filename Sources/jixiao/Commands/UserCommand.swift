import ArgumentParser
import Foundation
import JixiaoStore

/// `jixiao user add|passwd|disable|enable|remove|reset-second-factor|list`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the people who sign in.",
        subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, Remove.self, ResetSecondFactor.self,
                      List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is read from the terminal (or one line of standard input).",
            discussion: "The password must meet the security policy; the person must change it at first sign-in.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The user name to sign in with.")
        var username: String

        @Option(help: "preparer, head, reviewer, auditor, admin (系统管理员), security-admin or audit-admin.")
        var role: String

        @Option(help: "The department's code (required for preparer and head).")
        var organisation: String?

        @Option(help: "The name shown in the application.")
        var name: String?

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of " + Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() async throws {
            let password = Password.read(prompt: "\(username) 的初始密码（须符合安全策略，首次登录时须修改）：")
            let (username, role, organisation, name) = (username, Role(rawValue: role)!, organisation, name)
            try await Password.refusals {
                try await store.withStore { database in
                    _ = try await UserRepository(database: database).add(
                        username: username, displayName: name ?? username, password: password, role: role,
                        organisationCode: organisation, actor: "cli")
                }
            }
            Terminal.output("已添加用户 \(username)（\(role.chinese)），首次登录时须修改密码")
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reset a user's password; the person must change it at next sign-in.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The user name.")
        var username: String

        func run() async throws {
            let password = Password.read(prompt: "\(username) 的临时密码（须符合安全策略，登录时须修改）：")
            let username = username
            try await Password.refusals {
                try await store.withStore { database in
                    try await UserRepository(database: database).resetPassword(username: username, password: password,
                                                                               actor: "cli")
                }
            }
            Terminal.output("已重置 \(username) 的密码，登录时须修改")
        }
    }

    /// The account changes that take only a user name.
    enum Change: String, Sendable {
        case disable, enable, remove, resetSecondFactor

        var done: String {
            switch self {
            case .disable: "已停用"
            case .enable: "已启用"
            case .remove: "已删除"
            case .resetSecondFactor: "已解除动态口令："
            }
        }

        func apply(to username: String, in users: UserRepository) async throws {
            switch self {
            case .disable: try await users.setDisabled(true, username: username, actor: "cli")
            case .enable: try await users.setDisabled(false, username: username, actor: "cli")
            case .remove: try await users.remove(username: username, actor: "cli")
            case .resetSecondFactor: try await users.removeSecondFactor(username: username, actor: "cli")
            }
        }
    }

    struct Disable: AccountChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account (its sessions end at once).")
        static let change = Change.disable
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user name.") var username: String
    }

    struct Enable: AccountChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        static let change = Change.enable
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user name.") var username: String
    }

    struct Remove: AccountChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account (its audit entries stay).")
        static let change = Change.remove
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user name.") var username: String
    }

    struct ResetSecondFactor: AccountChangeCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-second-factor", abstract: "Remove an account's second factor (a lost phone).")
        static let change = Change.resetSecondFactor
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user name.") var username: String
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let lines = try await store.withStore { database in
                try await UserRepository(database: database).all().map { user in
                    let role = Role(rawValue: user.role)?.chinese ?? user.role
                    let state = [user.disabled ? "已停用" : nil, user.hasSecondFactor ? "动态口令" : nil,
                                 user.mustChangePassword ? "待改密码" : nil].compactMap { $0 }.joined(separator: ",")
                    return "\(user.username)\t\(user.displayName)\t\(role)\t\(user.organisationCode ?? "—")\t\(state)"
                }
            }
            for line in lines { Terminal.output(line) }
        }
    }
}

/// Reading a password without showing it, and reporting a refused user change.
enum Password {
    /// Runs a user change; a refusal (weak password, unknown user…) is printed and exits with code 2.
    static func refusals(_ change: () async throws -> Void) async throws {
        do { try await change() } catch let error as UserRepository.UserError {
            Terminal.error(error.description)
            throw ExitCode(ExitCodes.invalidInput)
        }
    }

    static func read(prompt: String) -> String {
        if isatty(STDIN_FILENO) != 0, let typed = getpass(prompt) { return String(cString: typed) }
        return readLine(strippingNewline: true) ?? ""
    }
}

/// A `user` subcommand that makes one ``UserCommand/Change`` to the named account.
protocol AccountChangeCommand: AsyncParsableCommand {
    static var change: UserCommand.Change { get }
    var store: StoreOptions { get }
    var username: String { get }
}

extension AccountChangeCommand {
    func run() async throws {
        let (username, change) = (username, Self.change)
        try await Password.refusals {
            try await store.withStore { database in
                try await change.apply(to: username, in: UserRepository(database: database))
            }
        }
        Terminal.output("\(change.done) \(username)")
    }
}
