import Fluent
import Foundation
@testable import JixiaoStore
import Testing
import Vapor
import VaporTesting
@testable import JixiaoWeb

/// Sign-in as an attacker tries it: redirects out of the site, header injection, password guessing from one address
/// and from many, telling real names from unknown ones — and the audit entries each attempt leaves.
extension DatabaseTests {
@Suite struct SignInSecurityTests {
    static let proxied = WebSettings(bcryptCost: 4, behindProxy: true)

    @Test("a sign-in's next page is only a path on this site", arguments: [
        "/x\r\nSet-Cookie: injected=1", "/x\nLocation: https://evil.example", "/\t/evil.example", "//evil.example",
        "/\\evil.example", "\\\\evil.example", "https://evil.example", "javascript:alert(1)", "evil.example",
        "%2F%2Fevil.example", "/%2F/evil.example", "/%5Cevil.example", "/%0D%0ASet-Cookie:%20x=1",
        "%252F%252Fevil.example", "/%09/evil.example", "/\u{2028}x", "/\u{200B}/evil.example", "/\u{85}x", " /x", "",
    ])
    func unsafeNextPagesGoHome(next: String) async throws {
        #expect(SafeRedirect.path(next) == "/", "\(next.debugDescription)")
    }

    @Test func sameSitePathsAreKept() {
        for path in ["/", "/years/440112-KX/2022", "/monitoring?year=2022&asOf=2022-06-30", "/years/%E7%A7%91/2022"] {
            #expect(SafeRedirect.path(path) == path)
        }
    }

    @Test func aCRLFInNextNeverReachesTheHeaders() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.get(app, "/login?next=%2Fx%0D%0ASet-Cookie%3A%20injected%3D1") { response in
                browser.keep(response)
                #expect(response.body.string.contains(#"name="next" value="/""#))
                #expect(!response.body.string.contains("injected"))
            }
            try await app.testing().test(.POST, "/login", headers: browser.headers, beforeRequest: { request in
                try request.content.encode(["_csrf": browser.csrf, "username": "preparer",
                                            "password": TestStore.password,
                                            "next": "/x\r\nSet-Cookie: injected=1"], as: .urlEncodedForm)
            }, afterResponse: { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/")
                #expect(!response.headers.description.contains("injected"))
            })
        }
    }

    @Test func guessingFromOneAddressIsSlowedButTheOwnerGetsIn() async throws {
        try await TestStore.withApp(settings: Self.proxied) { app in
            try await TestStore.seed(app)
            var attacker = Browser(source: "203.0.113.7")
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<7 { statuses.append(try await attacker.signIn(app, username: "admin", password: "Wrong-pass-1")) }
            #expect(statuses == Array(repeating: .unauthorized, count: 5) + [.tooManyRequests, .tooManyRequests])
            // Even the right password waits from that address: it is not checked at all while throttled.
            #expect(try await attacker.signIn(app, username: "admin") == .tooManyRequests)
            // The administrator, elsewhere, is not locked out.
            var owner = Browser(source: "198.51.100.20")
            #expect(try await owner.signIn(app, username: "admin") == .seeOther)
            let entries = try await AuditEntryModel.query(on: app.db).filter(\.$source == "203.0.113.7").all()
            #expect(entries.filter { $0.action == "signin.failure" }.count == 5)
            #expect(entries.filter { $0.action == "signin.throttled" }.count == 3)
            #expect(entries.allSatisfy { $0.outcome == "failure" && $0.subject == "admin" })
        }
    }

    @Test func unknownNamesAnswerExactlyLikeRealOnes() async throws {
        try await TestStore.withApp(settings: Self.proxied) { app in
            try await TestStore.seed(app)
            func attempts(_ username: String, from source: String) async throws -> [(HTTPResponseStatus, String)] {
                var browser = Browser(source: source)
                var answers: [(HTTPResponseStatus, String)] = []
                try await browser.get(app, "/login") { browser.keep($0) }
                for _ in 0..<7 {
                    let (status, page) = try await browser.post(app, "/login", ["username": username,
                                                                                "password": "Wrong-pass-1"])
                    // The page echoes the name typed and carries the session's token; nothing else may differ.
                    answers.append((status, page.replacingOccurrences(of: username, with: "NAME")
                        .replacingOccurrences(of: browser.csrf, with: "TOKEN")))
                }
                return answers
            }
            let real = try await attempts("admin", from: "192.0.2.1")
            let unknown = try await attempts("nobody-at-all", from: "192.0.2.2")
            #expect(real.map(\.0) == unknown.map(\.0))
            #expect(real.map { $0.1.replacingOccurrences(of: #"\d+ 秒"#, with: "N 秒", options: .regularExpression) }
                == unknown.map { $0.1.replacingOccurrences(of: #"\d+ 秒"#, with: "N 秒", options: .regularExpression) })
        }
    }

    @Test func aDistributedAttackSlowsOnlyBrowsersTheOwnerNeverUsed() async throws {
        try await TestStore.withApp(settings: Self.proxied) { app in
            try await TestStore.seed(app)
            var owner = Browser(source: "198.51.100.20")
            #expect(try await owner.signIn(app, username: "reviewer") == .seeOther)
            #expect(owner.cookies["jixiao-device"] != nil)
            // One wrong guess from each of five addresses: none is throttled on its own.
            for index in 1...5 {
                var bot = Browser(source: "203.0.113.\(index)")
                #expect(try await bot.signIn(app, username: "reviewer", password: "Wrong-pass-1") == .unauthorized)
            }
            // The name is now slowed for any browser it was never used from, whatever the password…
            var stranger = Browser(source: "203.0.113.99")
            #expect(try await stranger.signIn(app, username: "reviewer") == .tooManyRequests)
            // …but the owner's own browser, from a new address even, gets in.
            owner.source = "198.51.100.77"
            owner.cookies["jixiao-session"] = nil
            #expect(try await owner.signIn(app, username: "reviewer") == .seeOther)
        }
    }

    @Test func signInsSignOutsRefusalsExportsAndReadsAreAudited() async throws {
        try await TestStore.withApp(settings: Self.proxied) { app in
            try await TestStore.seed(app)
            var reviewer = Browser(source: "198.51.100.5")
            #expect(try await reviewer.signIn(app, username: "reviewer", password: "Wrong-pass-1") == .unauthorized)
            #expect(try await reviewer.signIn(app, username: "reviewer") == .seeOther)
            try await reviewer.get(app, "/years/420000-WJ-DEMO/2023/evaluation") { #expect($0.status == .ok) }
            try await reviewer.get(app, "/years/420000-WJ-DEMO/2023/report.docx") { #expect($0.status == .ok) }
            try await reviewer.get(app, "/api/v1/years/420000-WJ-DEMO/2023/bundle") { #expect($0.status == .ok) }
            var preparer = Browser(source: "198.51.100.6")
            #expect(try await preparer.signIn(app, username: "preparer") == .seeOther)
            try await preparer.get(app, "/years/420000-WJ-DEMO/2023") { #expect($0.status == .forbidden) }
            try await reviewer.get(app, "/") { reviewer.keep($0) }
            let (status, _) = try await reviewer.post(app, "/logout", [:])
            #expect(status == .seeOther)
            let entries = try await AuditEntryModel.query(on: app.db).sort(\.$sequence).all()
            func entry(_ action: String, _ actor: String) -> AuditEntryModel? {
                entries.last { $0.action == action && $0.actor == actor }
            }
            #expect(entry("signin.failure", "reviewer")?.outcome == "failure")
            #expect(entry("signin.success", "reviewer")?.source == "198.51.100.5")
            #expect(entry("year.read", "reviewer")?.subject == "420000-WJ-DEMO/2023")
            let exports = entries.filter { $0.action == "export" && $0.actor == "reviewer" }.map(\.after)
            #expect(exports.count == 2 && exports[0].hasSuffix(".docx") && exports[1] == "420000-WJ-DEMO-2023.json")
            let denied = try #require(entry("access.denied", "preparer"))
            #expect(denied.outcome == "denied" && denied.role == "preparer" && denied.source == "198.51.100.6")
            #expect(denied.subject == "GET /years/420000-WJ-DEMO/2023")
            #expect(entry("signout", "reviewer") != nil)
            // Reading one's own department is not an event; the chain still verifies with all of it.
            #expect(entry("year.read", "preparer") == nil)
            try await AuditLog.verify(on: app.db)
        }
    }
}
}
