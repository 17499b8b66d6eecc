import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

/// 佐证材料: files attached to the records behind the scores, checked by content, shown beside the scores, listed
/// in the report, held with the self-evaluation.
extension DatabaseTests {
@Suite struct EvidenceTests {
    static let page = "/years/440112-KX/2022/evidence"
    static let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)

    @Test func aClerkAttachesEvidenceThatStandsBesideTheScoreAndInTheReport() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            _ = try await browser.signIn(app, username: "preparer")
            try await browser.get(app, Self.page) { response in
                browser.keep(response)
                #expect(response.body.string.contains("indicator:i1") && response.body.string.contains("task:t1"))
            }
            let (added, page) = try await RecheckRouteTests.upload(
                app, browser, Self.page, fields: ["subject": "indicator:i1"], file: ("活动签到表.pdf", Self.pdf))
            #expect(added == .ok && page.contains("已上传“活动签到表.pdf”"))
            // A page disguised as a PDF, and a file without a subject, are refused.
            let (disguised, refusal) = try await RecheckRouteTests.upload(
                app, browser, Self.page, fields: ["subject": "indicator:i1"],
                file: ("签到表.pdf", Data("<html><script>alert(1)</script></html>".utf8)))
            #expect(disguised == .unsupportedMediaType && refusal.contains("佐证材料须为 PDF"))
            #expect(try await RecheckRouteTests.upload(app, browser, Self.page, fields: ["subject": "nothing:x"],
                                                       file: ("a.pdf", Self.pdf)).0 == .unprocessableEntity)
            let (tooLarge, _) = try await RecheckRouteTests.upload(
                app, browser, Self.page, fields: ["subject": "indicator:i1"],
                file: ("big.pdf", Self.pdf + Data(count: EvidenceKind.maximumBytes)))
            #expect(tooLarge == .payloadTooLarge)

            let organisation = try #require(try await YearRepository(database: app.db).organisation(code: "440112-KX"))
            let entries = try await EvidenceRepository(database: app.db).entries(organisationID: organisation.requireID(),
                                                                                 year: 2022)
            let entry = try #require(entries.first)
            #expect(entries.count == 1 && entry.subject == "indicator:i1" && entry.size == Self.pdf.count)
            // Beside the score, and downloadable (never inline) by the reviewer too.
            try await browser.get(app, "/years/440112-KX/2022/evaluation") { response in
                #expect(response.body.string.contains("佐证材料：") && response.body.string.contains(entry.id.uuidString))
            }
            var reviewer = Browser()
            _ = try await reviewer.signIn(app, username: "reviewer")
            try await reviewer.get(app, Self.page + "/\(entry.id.uuidString)") { response in
                #expect(response.status == .ok && Data(response.body.readableBytesView) == Self.pdf)
                #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            }
            try await reviewer.get(app, Self.page) { response in
                reviewer.keep(response)
                #expect(!response.body.string.contains("upload-evidence"))
            }
            #expect(try await reviewer.post(app, Self.page + "/\(entry.id.uuidString)/delete", [:]).0 == .forbidden)
            // Listed in the report.
            try await browser.get(app, "/years/440112-KX/2022/report.html") { response in
                #expect(response.body.string.contains("佐证材料目录") && response.body.string.contains("活动签到表.pdf"))
            }

            // Handed in, the evidence is held with the self-evaluation.
            let preparer = try await ReviewTests.Party.signIn(app, "preparer")
            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            let (held, _) = try await RecheckRouteTests.upload(app, browser, Self.page, fields: ["subject": "task:t1"],
                                                               file: ("进度表.pdf", Self.pdf))
            #expect(held == .conflict)
            #expect(try await preparer.step(app, "selfEvaluation", "withdraw").0 == .ok)
            #expect(try await browser.post(app, Self.page + "/\(entry.id.uuidString)/delete", [:]).0 == .seeOther)
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$action ~~ "evidence.").sort(\.$sequence)
                .all().map(\.action)
            #expect(actions == ["evidence.add", "evidence.remove"])
        }
    }
}
}
