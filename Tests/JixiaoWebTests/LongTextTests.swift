import Fluent
import Foundation
import JixiaoIO
import JixiaoStore
import JixiaoTestSupport
import NIOCore
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// What a clerk types is never lost: a section at the full 20,000 characters saves through the real server, one
    /// character more comes back in the form with a message, a body beyond any form answers a page in the layout.
    @Suite struct LongTextTests {
        @Test func narrativeSectionsUpToTheLimitSaveAndLongerOnesAreKept() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let port = Int.random(in: 20_000...40_000)
                let server = try app.testing(method: .running(hostname: "127.0.0.1", port: port))
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let path = "/years/440112-KX/2022/narrative"
                try await browser.get(app, path) { browser.keep($0) }
                let longest = String(repeating: "履职效能分析，", count: TextLimits.maximumCharacters / 7)
                    + String(repeating: "绩", count: TextLimits.maximumCharacters % 7)
                func post(_ text: String, version: String) async throws -> (HTTPResponseStatus, String) {
                    var result = (HTTPResponseStatus.ok, "")
                    try await server.test(.POST, path, headers: browser.headers, beforeRequest: { request in
                        try request.content.encode(["_csrf": browser.csrf, "version": version, "performance": text],
                                                   as: .urlEncodedForm)
                    }, afterResponse: { response in result = (response.status, response.body.string) })
                    return result
                }
                #expect(longest.count == TextLimits.maximumCharacters)
                let (saved, _) = try await post(longest, version: "1")
                #expect(saved == .ok)
                let stored = try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)
                #expect(stored?.narrative[.performance] == longest)

                let (refused, page) = try await post(longest + "。", version: "2")
                #expect(refused == .unprocessableEntity)
                #expect(page.contains("超过 20000 字，未保存") && page.contains(longest + "。"))
                #expect(page.contains(#"maxlength="20000""#))

                var status = HTTPResponseStatus.ok
                var body = ""
                let huge = ByteBuffer(string: "_csrf=\(browser.csrf)&performance=" + String(repeating: "x", count: 8_000_000))
                var headers = browser.headers
                headers.contentType = .urlEncodedForm
                try await server.test(.POST, path, headers: headers, body: huge) { response in
                    status = response.status
                    body = response.body.string
                }
                #expect(status == .payloadTooLarge)
                #expect(body.contains("<!DOCTYPE html>") && body.contains("提交的内容过大") && body.contains("返回上一页"))
            }
        }
    }
}
