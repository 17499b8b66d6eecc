import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// The demo: the seed department's year and one user per role, all with one freshly made password.
public enum DemoData {
    public struct Account: Sendable {
        public let username: String
        public let role: Role
    }

    /// Loads the bundle — by default the seed department compiled into the program — and creates the demo
    /// accounts; returns them and their password.
    public static func load(on database: any Database, bundle: URL? = nil, cost: Int) async throws -> ([Account], String) {
        let year = try bundle.map { try BundleReader().read($0) }
            ?? BundleReader().decode(Data(WebResources.demoBundle.utf8), file: "演示数据")
        try await YearRepository(database: database).store(year, replacing: true, actor: "demo")
        let password = try await SettingsRepository(database: database).policy().generatedPassword()
        let users = UserRepository(database: database, cost: cost)
        let accounts = [Account(username: "preparer", role: .preparer), Account(username: "head", role: .head),
                        Account(username: "reviewer", role: .reviewer), Account(username: "auditor", role: .auditor),
                        Account(username: "admin", role: .admin),
                        Account(username: "security", role: .securityAdmin),
                        Account(username: "auditadmin", role: .auditAdmin)]
        for account in accounts {
            if try await users.find(account.username) != nil {
                try await users.resetPassword(username: account.username, password: password, mustChange: false,
                                              actor: "demo")
            } else {
                try await users.add(username: account.username, displayName: "演示\(account.role.chinese)",
                                    password: password, role: account.role,
                                    organisationCode: account.role.isDepartmental ? year.department.code : nil,
                                    mustChangePassword: false, actor: "demo")
            }
        }
        return (accounts, password)
    }
}
