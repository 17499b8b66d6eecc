import ArgumentParser
import Foundation
import JixiaoStore

/// `jixiao user add|passwd|list`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the people who sign in.", subcommands: [Add.self, Passwd.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is read from the terminal (or one line of standard input).")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The user name to sign in with.")
        var username: String

        @Option(help: "preparer, head, reviewer, auditor or admin.")
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
            let password = Password.read(prompt: "\(username) 的密码（至少 10 个字符）：")
            let (username, role, organisation, name) = (username, Role(rawValue: role)!, organisation, name)
            try await Password.refusals {
                try await store.withStore { database in
                    _ = try await UserRepository(database: database).add(
                        username: username, displayName: name ?? username, password: password, role: role,
                        organisationCode: organisation, actor: "cli")
                }
            }
            Terminal.output("已添加用户 \(username)（\(role.chinese)）")
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password and unlock the account.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The user name.")
        var username: String

        func run() async throws {
            let password = Password.read(prompt: "\(username) 的新密码（至少 10 个字符）：")
            let username = username
            try await Password.refusals {
                try await store.withStore { database in
                    try await UserRepository(database: database).setPassword(username: username, password: password,
                                                                             actor: "cli")
                }
            }
            Terminal.output("已更新 \(username) 的密码")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let lines = try await store.withStore { database in
                try await UserRepository(database: database).all().map { user in
                    let role = Role(rawValue: user.role)?.chinese ?? user.role
                    return "\(user.username)\t\(user.displayName)\t\(role)\t\(user.organisation?.code ?? "—")"
                        + (user.lockedUntil.map { $0 > Date() ? "\t已锁定" : "" } ?? "")
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
