import Fluent
import FluentPostgresDriver
import Foundation
import JixiaoStore
import Testing
import Vapor
import VaporTesting
@testable import JixiaoWeb

/// What every answer tells the browser, what an error never tells, and what the health checks say.
extension DatabaseTests {
@Suite struct HeaderTests {
    static func expectHardened(_ response: TestingHTTPResponse, _ what: String) {
        #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(what)")
        #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(what)")
        #expect(response.headers.first(name: "Referrer-Policy") == "same-origin", "\(what)")
        #expect(response.headers.first(name: "Cache-Control") == "no-store", "\(what)")
        #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true,
                "\(what)")
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.get(app, "/login") { Self.expectHardened($0, "sign-in page") }
            try await browser.get(app, "/no-such-page") { response in
                #expect(response.status == .notFound)
                Self.expectHardened(response, "404 page")
            }
            #expect(try await browser.signIn(app, username: "preparer") == .seeOther)
            for path in ["/", "/years/440112-KX/2022", "/api/v1/years", "/years/440112-KX/2022/report.docx"] {
                try await browser.get(app, path) { Self.expectHardened($0, path) }
            }
            for path in ["/years/440112-KX/2022/report.html", "/years/440112-KX/2022/monitoring/table.html"] {
                try await browser.get(app, path) { response in
                    Self.expectHardened(response, path)
                    let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                    #expect(policy.contains("default-src 'none'") && policy.contains("sandbox"), "\(path)")
                }
            }
            // Without HTTPS in front, nothing claims it.
            try await browser.get(app, "/login") { response in
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
            }
        }
    }

    @Test func behindHTTPSCookiesAreSecureAndHSTSIsSent() async throws {
        try await TestStore.withApp(settings: WebSettings(bcryptCost: 4, secureCookies: true)) { app in
            try await TestStore.seed(app)
            try await app.testing().test(.GET, "/login") { response in
                #expect(response.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
                #expect(response.headers.setCookie?["jixiao-session"]?.isSecure == true)
            }
            var browser = Browser()
            #expect(try await browser.signIn(app, username: "preparer") == .seeOther)
        }
    }

    struct Secret: Error, CustomStringConvertible {
        var description: String { "busy: database is locked at /var/lib/jixiao/secret.sqlite" }
    }

    @Test func internalErrorsShowARequestIdNotTheirText() async throws {
        try await TestStore.withApp { app in
            app.get("boom") { _ -> String in throw Secret() }
            app.get("api", "v1", "boom") { _ -> String in throw Secret() }
            for path in ["/boom", "/api/v1/boom"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status == .internalServerError)
                    #expect(!response.body.string.contains("database is locked"), "\(path)")
                    #expect(!response.body.string.contains("secret"), "\(path)")
                    #expect(response.body.string.contains("请求编号"), "\(path)")
                    Self.expectHardened(response, path)
                }
            }
        }
    }

    @Test func healthChecksAnswer503WhileTheDatabaseIsDown() async throws {
        try await TestStore.withApp { app in
            try await app.testing().test(.GET, "/readyz") { #expect($0.status == .ok) }
            let unreachable = SQLPostgresConfiguration(hostname: "127.0.0.1", port: 9, username: "nobody",
                                                       password: nil, database: "none", tls: .disable)
            app.databases.use(.postgres(configuration: unreachable), as: DatabaseID(string: "down"), isDefault: true)
            for path in ["/healthz", "/readyz"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status == .serviceUnavailable, "\(path)")
                    #expect(!response.body.string.contains("Connection"), "\(path)")
                }
            }
        }
    }
}
}
