import Fluent
import Foundation
@testable import JixiaoStore
import Testing
import Vapor
import VaporTesting
@testable import JixiaoWeb

/// Accounts as 等保 asks: the password policy, forced and expired changes, idle sessions, disabled and removed
/// accounts, the second factor, and the three administrators who see no department's data.
extension DatabaseTests {
@Suite struct AccountTests {
    /// The value of `<… id="ID">VALUE<` in a page.
    static func element(_ id: String, in page: String) -> String? {
        guard let start = page.range(of: "id=\"\(id)\">") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "<" })
    }

    @Test func aNewAccountMustChooseItsOwnPasswordBeforeAnythingElse() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var admin = Browser()
            #expect(try await admin.signIn(app, username: "admin") == .seeOther)
            try await admin.get(app, "/admin/users") { admin.keep($0) }
            let (status, page) = try await admin.post(app, "/admin/users", ["username": "wang", "displayName": "王填报",
                                                                            "role": "preparer", "organisation": "440112-KX"])
            #expect(status == .ok)
            let message = try #require(Self.element("message", in: page))
            let initial = try #require(message.range(of: "初始密码：").map { String(message[$0.upperBound...].prefix { $0 != "（" }) })
            var wang = Browser()
            #expect(try await wang.signIn(app, username: "wang", password: initial) == .seeOther)
            try await wang.get(app, "/years/440112-KX/2022") { response in
                #expect(response.headers.first(name: .location) == "/account/password")
            }
            try await wang.get(app, "/api/v1/years") { #expect($0.status == .forbidden) }
            try await wang.get(app, "/account/password") { wang.keep($0) }
            for (new, problem) in [("short", "至少需要"), ("alllowercaseletters", "至少 3 类"), (initial, "最近"),
                                   ("Wang-2026-secret", "用户名")] {
                let (status, page) = try await wang.post(app, "/account/password",
                                                         ["current": initial, "new": new, "again": new])
                #expect(status == .unprocessableEntity && page.contains(problem), "\(new)")
            }
            let (wrong, _) = try await wang.post(app, "/account/password",
                                                 ["current": "Not-the-one-1", "new": "Li-Bai-1234-x", "again": "Li-Bai-1234-x"])
            #expect(wrong == .unprocessableEntity)
            let (changed, _) = try await wang.post(app, "/account/password",
                                                   ["current": initial, "new": "Li-Bai-1234-x", "again": "Li-Bai-1234-x"])
            #expect(changed == .seeOther)
            try await wang.get(app, "/years/440112-KX/2022") { #expect($0.status == .ok) }
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$subject == "wang").all().map(\.action)
            #expect(actions.contains("user.add") && actions.contains("user.change-password"))
        }
    }

    @Test func anExpiredPasswordAndAnIdleSessionAreEnforced() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let user = try #require(try await UserRepository(database: app.db).row("head"))
            user.passwordChangedAt = Date().addingTimeInterval(-91 * 86_400)
            try await user.save(on: app.db)
            var head = Browser()
            #expect(try await head.signIn(app, username: "head") == .seeOther)
            try await head.get(app, "/") { #expect($0.headers.first(name: .location) == "/account/password") }

            var reviewer = Browser()
            #expect(try await reviewer.signIn(app, username: "reviewer") == .seeOther)
            try await reviewer.get(app, "/") { #expect($0.status == .ok) }
            // Thirty-one minutes without a request (the default idle timeout is thirty).
            for record in try await SessionRecord.query(on: app.db).all() where record.data["user"] != nil {
                record.data["seen"] = String(Date().timeIntervalSince1970 - 31 * 60)
                try await record.save(on: app.db)
            }
            try await reviewer.get(app, "/") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true)
            }
        }
    }

    @Test func aDisabledAccountIsOutAtOnceAndARemovedOneForGood() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var preparer = Browser()
            #expect(try await preparer.signIn(app, username: "preparer") == .seeOther)
            var admin = Browser()
            #expect(try await admin.signIn(app, username: "admin") == .seeOther)
            try await admin.get(app, "/admin/users") { admin.keep($0) }
            #expect(try await admin.post(app, "/admin/users/preparer/disable", [:]).0 == .ok)
            try await preparer.get(app, "/") { #expect($0.headers.first(name: .location)?.hasPrefix("/login") == true) }
            var again = Browser()
            #expect(try await again.signIn(app, username: "preparer") == .forbidden)
            #expect(try await admin.post(app, "/admin/users/preparer/enable", [:]).0 == .ok)
            #expect(try await again.signIn(app, username: "preparer") == .seeOther)
            #expect(try await admin.post(app, "/admin/users/preparer/remove", [:]).0 == .ok)
            var gone = Browser()
            #expect(try await gone.signIn(app, username: "preparer") == .unauthorized)
            #expect(try await admin.post(app, "/admin/users/admin/disable", [:]).0 == .forbidden)
        }
    }

    @Test func theSecondFactorIsEnrolledAskedForAndNeverAcceptedTwice() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var preparer = Browser()
            #expect(try await preparer.signIn(app, username: "preparer") == .seeOther)
            var secret = ""
            try await preparer.get(app, "/account/second-factor") { response in
                preparer.keep(response)
                secret = (Self.element("totp-secret", in: response.body.string) ?? "").replacingOccurrences(of: " ", with: "")
            }
            #expect(secret.count == 32)
            let now = TOTP.counter(at: Date())
            #expect(try await preparer.post(app, "/account/second-factor", ["code": "000000"]).0 == .unprocessableEntity
                || TOTP.code(secret: secret, counter: now) == "000000")
            let (enrolled, page) = try await preparer.post(app, "/account/second-factor",
                                                           ["code": TOTP.code(secret: secret, counter: now)!])
            #expect(enrolled == .ok)
            let recovery = page.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(11)) }
            #expect(recovery.count == 10)

            var next = Browser()
            try await next.get(app, "/login") { next.keep($0) }
            #expect(try await next.submit(app, "/login", ["username": "preparer", "password": TestStore.password,
                                                          "next": "/"]) == .seeOther)
            try await next.get(app, "/login/second-factor") { next.keep($0) }
            // The code used to enrol is spent; a wrong one fails; the next step's code opens the session.
            #expect(try await next.post(app, "/login/second-factor", ["code": TOTP.code(secret: secret, counter: now)!]).0
                == .unauthorized)
            #expect(try await next.post(app, "/login/second-factor", ["code": "12345"]).0 == .unauthorized)
            let code = TOTP.code(secret: secret, counter: now + 1)!
            #expect(try await next.submit(app, "/login/second-factor", ["code": code, "next": "/"]) == .seeOther)
            try await next.get(app, "/") { #expect($0.status == .ok) }

            // The password alone opens nothing.
            var halfway = Browser()
            try await halfway.get(app, "/login") { halfway.keep($0) }
            _ = try await halfway.submit(app, "/login", ["username": "preparer", "password": TestStore.password])
            try await halfway.get(app, "/") { #expect($0.headers.first(name: .location)?.hasPrefix("/login") == true) }

            // A recovery code works once.
            for expected in [HTTPResponseStatus.seeOther, .unauthorized] {
                var lost = Browser()
                try await lost.get(app, "/login") { lost.keep($0) }
                _ = try await lost.submit(app, "/login", ["username": "preparer", "password": TestStore.password])
                try await lost.get(app, "/login/second-factor") { lost.keep($0) }
                #expect(try await lost.post(app, "/login/second-factor", ["code": recovery[0]]).0 == expected)
            }
        }
    }

    @Test func thePolicyCanRequireASecondFactorOfReviewersAndAdministrators() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var security = Browser()
            #expect(try await security.signIn(app, username: "security-admin") == .seeOther)
            try await security.get(app, "/admin/security") { security.keep($0) }
            var form = Dictionary(uniqueKeysWithValues: SecurityPolicy.settings.map { ($0.key, String($0.defaultValue)) })
            form["secondFactor.required"] = "1"
            form["password.minLength"] = "7"
            #expect(try await security.post(app, "/admin/security", form).0 == .unprocessableEntity)
            form["password.minLength"] = "14"
            #expect(try await security.post(app, "/admin/security", form).0 == .ok)
            let policy = try await SettingsRepository(database: app.db).policy()
            #expect(policy.secondFactorRequired && policy.passwordMinLength == 14)
            app.policyCache.invalidate()

            var reviewer = Browser()
            #expect(try await reviewer.signIn(app, username: "reviewer") == .seeOther)
            try await reviewer.get(app, "/monitoring") {
                #expect($0.headers.first(name: .location) == "/account/second-factor")
            }
            var preparer = Browser()
            #expect(try await preparer.signIn(app, username: "preparer") == .seeOther)
            try await preparer.get(app, "/") { #expect($0.status == .ok) }
        }
    }

    @Test("三员分立: each administrator has one job and sees no department's data", arguments: [
        (Role.admin, "/admin/users"), (Role.securityAdmin, "/admin/security"), (Role.auditAdmin, "/audit"),
    ])
    func administratorsAreSeparated(role: Role, own: String) async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            #expect(try await browser.signIn(app, username: role.rawValue) == .seeOther)
            for path in ["/admin/users", "/admin/security", "/audit", "/years/440112-KX/2022", "/monitoring",
                         "/api/v1/years/440112-KX/2022/evaluation"] {
                try await browser.get(app, path) { response in
                    #expect(response.status == (path == own ? .ok : .forbidden), "\(role) \(path)")
                }
            }
            try await browser.get(app, "/account") { browser.keep($0) }
            let (status, _) = try await browser.post(app, "/admin/security", ["password.minLength": "20"])
            #expect(status == (role == .securityAdmin ? .unprocessableEntity : .forbidden))
        }
    }
}
}
