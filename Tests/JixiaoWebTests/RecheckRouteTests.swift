import Crypto
import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import SQLKit
import Testing
import Vapor
import VaporTesting

/// 自评复核 through the API and the pages: the bureau draws, re-scores with reasons and files, the comparison is
/// flagged past the threshold, and the re-check is published with the report.
extension DatabaseTests {
@Suite struct RecheckRouteTests {
    static let base = "/api/v1/years/440112-KX/2022"

    /// The seed's self-evaluation handed to the bureau (submitted, approved by the head).
    static func handIn(_ app: Application) async throws -> (preparer: ReviewTests.Party, reviewer: ReviewTests.Party) {
        let preparer = try await ReviewTests.Party.signIn(app, "preparer")
        let head = try await ReviewTests.Party.signIn(app, "head")
        #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
        #expect(try await head.step(app, "selfEvaluation", "approve").0 == .ok)
        return (preparer, try await ReviewTests.Party.signIn(app, "reviewer"))
    }

    @Test func theBureauDrawsReScoresAndPublishesTheReCheck() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let preparer = try await ReviewTests.Party.signIn(app, "preparer")
            var reviewer = try await ReviewTests.Party.signIn(app, "reviewer")
            let draw = JSONValue.object(["year": .number("2022"), "count": .number("3"), "method": .string("random"),
                                         "seed": .string("20221231")])
            // Nothing handed in yet: nothing to draw.
            #expect(try await reviewer.browser.api(app, .POST, "/api/v1/review/spot-checks", body: draw,
                                                   token: reviewer.token).0 == .conflict)
            (_, reviewer) = try await Self.handIn(app)
            #expect(try await preparer.browser.api(app, .POST, "/api/v1/review/spot-checks", body: draw,
                                                   token: preparer.token).0 == .forbidden)
            let (drawn, members) = try await reviewer.browser.api(app, .POST, "/api/v1/review/spot-checks", body: draw,
                                                                  token: reviewer.token)
            guard case .array(let list)? = members?["drawn"], let first = list.first else {
                Issue.record("nothing drawn: \(drawn)")
                return
            }
            #expect(drawn == .created && first["code"] == .string("440112-KX"))
            #expect(first["method"] == .string("随机抽取（种子 20221231）"))
            // Drawn once only.
            #expect(try await reviewer.browser.api(app, .POST, "/api/v1/review/spot-checks", body: draw,
                                                   token: reviewer.token).0 == .conflict)
            let bad = JSONValue.object(["year": .number("2022"), "count": .number("1"), "method": .string("risk"),
                                        "measure": .string("loudest")])
            #expect(try await reviewer.browser.api(app, .POST, "/api/v1/review/spot-checks", body: bad,
                                                   token: reviewer.token).0 == .unprocessableEntity)

            // Re-scores: a wrong one names its fields; the department cannot re-score itself.
            let (invalid, faults) = try await reviewer.browser.api(
                app, .PUT, Self.base + "/recheck/budget", body: .object(["score": .string("11"), "reason": .string("")]),
                token: reviewer.token)
            #expect(invalid == .unprocessableEntity && faults?["fields"]?["score"] != nil
                && faults?["fields"]?["reason"] != nil)
            #expect(try await preparer.browser.api(app, .PUT, Self.base + "/recheck/budget",
                                                   body: .object(["score": .string("5"), "reason": .string("自评")]),
                                                   token: preparer.token).0 == .forbidden)
            let (saved, recheck) = try await reviewer.browser.api(
                app, .PUT, Self.base + "/recheck/budget",
                body: .object(["score": .string("3.9"), "reason": .string("年末集中支付，执行率按 11 月末计")]),
                token: reviewer.token)
            #expect(saved == .ok && recheck?["drawn"] == .bool(true))
            #expect(recheck?["selfTotal"] == .string("97.90") && recheck?["recheckTotal"] == .string("91.90"))
            #expect(recheck?["difference"] == .string("-6.00") && recheck?["flagged"] == .bool(true))

            // A file goes with a re-score on the page; its content decides what it is.
            var page = reviewer.browser
            try await page.get(app, "/years/440112-KX/2022/recheck") { response in
                page.keep(response)
                #expect(response.body.string.contains("差异超过 5 分") && response.body.string.contains("保存复核得分"))
            }
            let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
            let (uploaded, answer) = try await page.upload(app, "/years/440112-KX/2022/recheck",
                fields: ["item": "budget", "score": "3.9", "reason": "年末集中支付，执行率按 11 月末计"],
                file: ("../../付款凭证抽查.pdf", pdf))
            #expect(uploaded == .ok && answer.contains("付款凭证抽查.pdf"))
            let (refused, refusal) = try await page.upload(app, "/years/440112-KX/2022/recheck",
                fields: ["item": "budget", "score": "3.9", "reason": "附页面"],
                file: ("evidence.pdf", Data("<html><script>alert(1)</script></html>".utf8)))
            #expect(refused == .unsupportedMediaType && refusal.contains("复核材料须为 PDF"))
            try await preparer.browser.get(app, "/years/440112-KX/2022/recheck/budget/file") { response in
                #expect(response.status == .ok && Data(response.body.readableBytesView) == pdf)
                #expect(response.headers.contentType == .pdf)
                #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            }
            let stored = try await Rechecks(database: app.db).rescores(
                organisationID: try #require(try await YearRepository(database: app.db).organisation(code: "440112-KX"))
                    .id, year: 2022)
            #expect(stored["budget"]?.fileSHA256 == Data(pdf).sha256Hex)

            // The bureau's list shows the department flagged.
            try await reviewer.browser.get(app, "/review/spot-check?year=2022") { response in
                let body = response.body.string
                #expect(body.contains("class=\"flagged\"") && body.contains("91.90") && body.contains("-6.00"))
            }

            // Published with the report: the annex in the HTML and the re-check columns in the score table.
            for action in ["startReview", "approve", "publish"] {
                #expect(try await reviewer.step(app, "selfEvaluation", action).0 == .ok)
            }
            // Published: no more re-scoring.
            #expect(try await reviewer.browser.api(app, .PUT, Self.base + "/recheck/budget",
                                                   body: .object(["score": .string("4"), "reason": .string("再核")]),
                                                   token: reviewer.token).0 == .conflict)
            try await app.testing().test(.GET, "/public/440112-KX/2022/v1/report.html") { response in
                #expect(response.body.string.contains("财政自评复核结果") && response.body.string.contains("91.90"))
            }
            try await app.testing().test(.GET, "/public/440112-KX/2022/v1/score.csv") { response in
                let lines = response.body.string.split(whereSeparator: \.isNewline)
                #expect(lines.first?.hasSuffix("复核得分,复核说明") == true)
                #expect(lines.contains { $0.hasPrefix("总分,") && $0.contains("97.90,91.90") })
            }
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$action ~~ "review.").all().map(\.action)
            #expect(actions.contains("review.draw") && actions.filter { $0 == "review.recheck" }.count == 2)
            try await AuditLog.verify(on: app.db)
        }
    }

    @Test func aStoreMadeByTheLandedSchemaMovesForward() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            try await ReviewCampaigns(database: app.db).open(
                year: 2022, targetsDue: CivilDate(iso: "2022-03-31")!, evaluationDue: CivilDate(iso: "2023-04-30")!,
                actor: "test")
            // Back to the schema the last landed release wrote: without this work's tables and columns.
            let sql = try #require(app.db as? any SQLDatabase)
            for table in ["recheck_scores", "rechecks", "spot_checks", "target_history", "target_adjustments"] {
                try await sql.raw("DROP TABLE \(ident: table)").run()
            }
            for (table, column) in [("review_campaigns", "recheck_threshold"), ("review_campaigns", "publish_days"),
                                    ("evaluations", "unsupported"), ("review_rounds", "remarks"),
                                    ("review_events", "remarks"), ("budget_lines", "source")] {
                try await sql.raw("ALTER TABLE \(ident: table) DROP COLUMN \(ident: column)").run()
            }
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name IN ('JixiaoStore.CreateRechecks', 'JixiaoStore.CreateTargetAdjustments', 'JixiaoStore.AddReviewRemarks', 'JixiaoStore.AddFundingSourceToBudgetLines')").run()
            #expect(try await Store.isReady(app.db) == false)

            try await Store.migrate(app)
            #expect(try await Store.isReady(app.db))
            let campaign = try #require(try await ReviewCampaigns(database: app.db).all()[2022])
            #expect(campaign.recheckThreshold == Rational(5) && campaign.publishDays == 20)
            // Every stored year's snapshot has its unsupported points computed, as a fresh change would.
            for snapshot in try await EvaluationModel.query(on: app.db).all() {
                #expect(Rational(decimal: snapshot.unsupported).map { $0 > .zero } == true)
            }
            let statuses = try await ReviewRepository(database: app.db).statuses(
                organisationID: try #require(try await YearRepository(database: app.db).organisation(code: "440112-KX"))
                    .id, year: 2022)
            #expect(statuses[.selfEvaluation]?.remarks == [])
            // Lines stored before funding sources name none; the year reads as before.
            let year = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
            #expect(year.budgetLines.allSatisfy { $0.source == nil } && year.projects.count == 3)
        }
    }

    @Test func aRiskDrawTakesTheDepartmentWithTheLowestExecutionFirst() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            _ = try await Self.handIn(app)
            try await ReviewTests.handInSecondDepartment(app)
            let candidates = try await Rechecks(database: app.db).candidates(year: 2023)
            #expect(candidates.map(\.code) == ["420000-WJ-DEMO"])
            #expect(candidates[0].executionRate.map { $0 < Rational(1) } == true && candidates[0].findings > 0)
            let members = try await Rechecks(database: app.db).draw(year: 2023, count: 5,
                                                                    method: .risk(.lowestExecution), actor: "test")
            #expect(members.map(\.code) == ["420000-WJ-DEMO"] && members[0].risk.hasSuffix("%"))
        }
    }
}
}

private extension Data {
    /// SHA-256 as lowercase hex, to compare with what the store recorded.
    var sha256Hex: String { SHA256.hash(data: self).map { String(format: "%02x", $0) }.joined() }
}
