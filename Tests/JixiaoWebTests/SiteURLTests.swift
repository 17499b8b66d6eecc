import Foundation
import Testing
import Vapor
@testable import JixiaoWeb

/// Links and routes come from the same ``SiteURL`` case: a link's path matches the pattern its controller registers,
/// and whatever a record's id holds is percent-encoded into one path segment.
@Suite struct SiteURLTests {
    @Test func aLinkFollowsThePatternItsRouteIsRegisteredWith() {
        let link = SiteURL.indicatorProgress(code: "440112-KX", year: 2022, id: "i1")
        #expect(link.path == "/years/440112-KX/2022/indicators/i1/progress")
        #expect(link.pattern.map(\.description) == ["years", ":code", ":year", "indicators", ":id", "progress"])
        #expect(SiteURL.report(code: "X", year: 2022, format: "docx").pattern.map(\.description)
            == ["years", ":code", ":year", ":file"])
        #expect(SiteURL.home.path == "/" && SiteURL.home.pattern.isEmpty)
        #expect(SiteURL.spotCheck(year: 2023).path == "/review/spot-check?year=2023")
        #expect(SiteURL.publicVersion(code: "X", year: 2022, version: 2).path == "/public/X/2022/v2")
    }

    @Test func aQueryEncodesItsValuesAndLeavesOutTheEmptyOnes() {
        let link = SiteURL.payments(code: "440112-KX", year: 2022)
            .path(query: [("page", "2"), ("line", nil), ("project", "项目 1&2"), ("month", "")])
        #expect(link == "/years/440112-KX/2022/payments?page=2&project=%E9%A1%B9%E7%9B%AE%201%262")
        #expect(SiteURL.comparison.path(query: [("q", nil)]) == "/compare")
    }

    @Test("ids are one percent-encoded segment", arguments: [
        ("t 1", "t%201"), ("任务/1", "%E4%BB%BB%E5%8A%A1%2F1"), ("a?b#c", "a%3Fb%23c"), ("..", "%2E%2E"), ("v1.2", "v1.2"),
    ])
    func idsAreEncoded(id: String, encoded: String) {
        #expect(SiteURL.task(code: "440112-KX", year: 2022, id: id).path == "/years/440112-KX/2022/workplan/tasks/\(encoded)")
        #expect(SiteURL.indicatorEdit(code: "A B", year: 2022, id: id).path == "/years/A%20B/2022/indicators/\(encoded)/edit")
    }
}
