import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

/// The review rounds through the API and the pages, as each role takes its steps, and what a round in review holds.
extension DatabaseTests {
@Suite struct ReviewTests {
    static let base = "/api/v1/years/440112-KX/2022"

    struct Party {
        var browser: Browser
        var token: String

        static func signIn(_ app: Application, _ username: String) async throws -> Party {
            var browser = Browser()
            #expect(try await browser.signIn(app, username: username) == .seeOther)
            return Party(browser: browser, token: try await browser.apiToken(app))
        }

        func step(_ app: Application, _ round: String, _ action: String, reason: String = "",
                  grade: String? = nil) async throws -> (HTTPResponseStatus, JSONValue?) {
            var body: [JSONValue.Member] = [.init("round", .string(round)), .init("action", .string(action)),
                                            .init("reason", .string(reason))]
            if let grade { body.append(.init("grade", .string(grade))) }
            return try await browser.api(app, .POST, ReviewTests.base + "/review", body: .object(body), token: token)
        }

        func change(_ app: Application, _ method: HTTPMethod, _ path: String, _ body: JSONValue) async throws
            -> HTTPResponseStatus {
            try await browser.api(app, method, ReviewTests.base + path, body: body, token: token).0
        }
    }

    /// The seed's second department (420000-WJ-DEMO, 2023) hands its self-evaluation in to the bureau, through the
    /// store as its own people would.
    static func handInSecondDepartment(_ app: Application) async throws {
        let years = YearRepository(database: app.db)
        let other = try #require(try await years.organisation(code: "420000-WJ-DEMO"))
        let fiscal = try #require(try await years.fiscalYear(organisationID: other.id, year: 2023))
        for (action, party) in [(ReviewAction.submit, ReviewParty.preparer), (.approve, .head)] {
            try await ReviewRepository(database: app.db).step(action, round: .selfEvaluation, by: party, reason: "",
                                                              grade: nil, organisation: other, fiscal: fiscal,
                                                              actor: "test")
        }
    }

    static let narrative = JSONValue.object(["version": .number("1"),
                                             "sections": .object(["performance": .string("全年任务完成良好。")])])
    static let payment = JSONValue.object(["line": .string("X01"), "date": .string("2022-12-20"),
                                           "amount": .string("100.00")])

    @Test func aSelfEvaluationIsSubmittedReturnedCorrectedApprovedAndPublished() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let preparer = try await Party.signIn(app, "preparer")
            let head = try await Party.signIn(app, "head")
            let reviewer = try await Party.signIn(app, "reviewer")
            let auditor = try await Party.signIn(app, "auditor")

            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            // The bureau's monitoring overview shows where each department stands.
            try await reviewer.browser.get(app, "/monitoring?year=2022") { response in
                #expect(response.body.string.contains("目标：编制中；自评：已送审"))
            }
            // Submitted: the narrative is held, payments still come in; the preparer cannot approve.
            #expect(try await preparer.change(app, .PUT, "/narrative", Self.narrative) == .conflict)
            #expect(try await preparer.change(app, .POST, "/payments", Self.payment) == .created)
            let (refused, answer) = try await preparer.step(app, "selfEvaluation", "approve")
            #expect(refused == .conflict && answer?["reason"]?.string?.contains("此时可以：撤回") == true)
            #expect(try await auditor.step(app, "selfEvaluation", "approve").0 == .forbidden)
            #expect(try await head.step(app, "selfEvaluation", "return").0 == .conflict)

            let (returned, rounds) = try await head.step(app, "selfEvaluation", "return", reason: "履职效能分析过于简略")
            #expect(returned == .ok)
            #expect(rounds?["rounds"]?["selfEvaluation"]?["state"] == .string("drafting"))
            #expect(rounds?["rounds"]?["selfEvaluation"]?["returnReason"] == .string("履职效能分析过于简略"))
            try await preparer.browser.get(app, "/years/440112-KX/2022/review") { response in
                #expect(response.body.string.contains("已退回，原因：履职效能分析过于简略"))
            }
            #expect(try await preparer.change(app, .PUT, "/narrative", Self.narrative) == .ok)

            for (party, action) in [(preparer, "submit"), (head, "approve"), (reviewer, "startReview"),
                                    (reviewer, "approve"), (reviewer, "publish")] {
                let (status, answer) = try await party.step(app, "selfEvaluation", action)
                #expect(status == .ok, "\(action): \(answer?["reason"]?.string ?? "")")
            }
            let (_, final) = try await reviewer.browser.api(app, .GET, Self.base + "/review")
            #expect(final?["rounds"]?["selfEvaluation"]?["state"] == .string("published"))
            guard case .array(let history)? = final?["history"] else {
                Issue.record("no history")
                return
            }
            #expect(history.count == 7)
            let audited = try await AuditEntryModel.query(on: app.db).filter(\.$action ~~ "review.selfEvaluation")
                .sort(\.$sequence).all()
            #expect(audited.map(\.action) == ["submit", "return", "submit", "approve", "startReview", "approve",
                                              "publish"].map { "review.selfEvaluation.\($0)" })
            #expect(audited[1].after.contains("履职效能分析过于简略") && audited[1].role == "head")
            try await AuditLog.verify(on: app.db)
        }
    }

    @Test func targetsNeedAGradeAndCannotBeSubmittedWithBlockingFaults() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let preparer = try await Party.signIn(app, "preparer")
            let head = try await Party.signIn(app, "head")
            let reviewer = try await Party.signIn(app, "reviewer")
            #expect(try await preparer.step(app, "targets", "submit").0 == .ok)
            #expect(try await head.step(app, "targets", "approve").0 == .ok)
            #expect(try await reviewer.step(app, "targets", "approve").0 == .conflict)
            let (approved, rounds) = try await reviewer.step(app, "targets", "approve", grade: "良")
            #expect(approved == .ok && rounds?["rounds"]?["targets"]?["grade"] == .string("良"))
            #expect(try await reviewer.step(app, "targets", "approve", grade: "甲").0 == .unprocessableEntity)
            // Approved targets hold the whole year: no import over it.
            let bundle = try BundleReader().read(Fixtures.seed)
            await #expect(throws: ReviewRefusal.self) {
                try await YearRepository(database: app.db).store(bundle, replacing: true, actor: "test")
            }
            #expect(try await reviewer.step(app, "targets", "withdraw").0 == .ok)
            #expect(try await head.step(app, "targets", "withdraw").0 == .ok)
            #expect(try await preparer.step(app, "targets", "withdraw").0 == .ok)

            // Weights that miss the framework block the submission, and the faults are listed.
            var broken = bundle
            broken.indicators[0].weight = broken.indicators[0].weight + Rational(7)
            try await YearRepository(database: app.db).store(broken, replacing: true, actor: "test")
            let (blocked, answer) = try await preparer.step(app, "targets", "submit")
            #expect(blocked == .conflict)
            guard case .array(let faults)? = answer?["faults"] else {
                Issue.record("no faults listed")
                return
            }
            #expect(faults.contains { $0.string?.contains("权重合计") == true })
        }
    }

    @Test("a submitted self-evaluation holds every kind of change but payments")
    func theLockHoldsEveryKindOfChange() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let preparer = try await Party.signIn(app, "preparer")
            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            let (_, lines) = try await preparer.browser.api(app, .GET, Self.base + "/lines")
            guard case .array(let all)? = lines, let line = all.first, let id = line["id"]?.string,
                  let version = line["version"]?.literal else {
                Issue.record("no lines")
                return
            }
            let task = JSONValue.object(["id": .string("t99"), "title": .string("新增任务"), "start": .string("2022-03-01"),
                                         "due": .string("2022-06-30"), "status": .string("notStarted")])
            let progress = JSONValue.object(["asOf": .string("2022-06-30"), "actual": .string("20")])
            let lineChange = JSONValue.object(["code": .string("X99"), "name": .string("新项目"), "kind": .string("project"),
                                               "initial": .string("0"), "adjusted": .string("100.00")])
            let plan = JSONValue.object(["version": .number(version), "plan": .array([])])
            for (method, path, body) in [(HTTPMethod.POST, "/lines", lineChange), (.PUT, "/lines/\(id)/plan", plan),
                                         (.POST, "/workplan", task), (.POST, "/indicators/i1/progress", progress),
                                         (.PUT, "/narrative", Self.narrative), (.DELETE, "/lines/\(id)?version=\(version)", nil)] {
                let (status, answer) = try await preparer.browser.api(app, method, Self.base + path, body: body,
                                                                      token: preparer.token)
                #expect(status == .conflict && answer?["reason"]?.string?.contains("绩效自评已送审") == true,
                        "\(method) \(path): \(status) \(answer?["reason"]?.string ?? "")")
            }
            #expect(try await preparer.change(app, .POST, "/payments", Self.payment) == .created)
            // The page says why, in the site's layout.
            var browser = preparer.browser
            try await browser.get(app, "/years/440112-KX/2022/narrative") { browser.keep($0) }
            let (status, page) = try await browser.post(app, "/years/440112-KX/2022/narrative",
                                                        ["version": "1", "performance": "改动"])
            #expect(status == .conflict && page.contains("绩效自评已送审") && page.contains("<!DOCTYPE html>"))
        }
    }

    @Test func everyRoleSeesItsToDoAndTheReviewerWorksThroughTheQueue() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            try await ReviewCampaigns(database: app.db).open(
                year: 2022, targetsDue: CivilDate(iso: "2022-03-31")!, evaluationDue: CivilDate(iso: "2023-04-30")!,
                actor: "test")
            let preparer = try await Party.signIn(app, "preparer")
            try await preparer.browser.get(app, "/") { response in
                #expect(response.body.string.contains("2022 年绩效目标：编制中，已逾期（截止 2022 年 3 月 31 日）"))
            }
            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            let head = try await Party.signIn(app, "head")
            try await head.browser.get(app, "/") { response in
                #expect(response.body.string.contains("2022 年绩效自评：已送审"))
                #expect(!response.body.string.contains("绩效目标：编制中"))
            }
            #expect(try await head.step(app, "selfEvaluation", "approve").0 == .ok)
            try await Self.handInSecondDepartment(app)
            var reviewer = try await Party.signIn(app, "reviewer").browser
            try await reviewer.get(app, "/?round=selfEvaluation") { response in
                reviewer.keep(response)
                let page = response.body.string
                #expect(page.contains("review-queue") && page.contains("420000-WJ-DEMO|2023|selfEvaluation")
                    && page.contains("440112-KX|2022|selfEvaluation") && !page.contains("|targets\""))
            }
            let (status, page) = try await reviewer.post(app, "/review/batch", [
                "items[0]": "440112-KX|2022|selfEvaluation", "items[1]": "420000-WJ-DEMO|2023|selfEvaluation",
                "action": "startReview"])
            #expect(status == .ok)
            #expect(page.components(separatedBy: "→ 财政审核中").count == 3)
            let (_, refused) = try await reviewer.post(app, "/review/batch", ["items[]": "440112-KX|2022|targets",
                                                                              "action": "approve"])
            #expect(refused.contains("未处理"))
            var preparerBrowser = preparer.browser
            try await preparerBrowser.get(app, "/") { preparerBrowser.keep($0) }
            #expect(try await preparerBrowser.post(app, "/review/batch", ["action": "approve"]).0 == .forbidden)
        }
    }

    @Test func aPublishedSelfEvaluationIsPublicAndAnUnpublishedYearIsNot() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let preparer = try await Party.signIn(app, "preparer")
            let head = try await Party.signIn(app, "head")
            let reviewer = try await Party.signIn(app, "reviewer")
            func handIn() async throws {
                for (party, action) in [(preparer, "submit"), (head, "approve"), (reviewer, "startReview"),
                                        (reviewer, "approve"), (reviewer, "publish")] {
                    let (status, answer) = try await party.step(app, "selfEvaluation", action)
                    #expect(status == .ok, "\(action): \(answer?["reason"]?.string ?? "")")
                }
            }
            // Nothing is public before publication, for either department.
            for path in ["/public/440112-KX/2022/v1", "/public/440112-KX/2022/v1/report.html",
                         "/public/420000-WJ-DEMO/2023/v1", "/public/420000-WJ-DEMO/2023/v1/score.csv"] {
                try await app.testing().test(.GET, path) { #expect($0.status == .notFound, "\(path)") }
            }
            try await handIn()
            let payees = try BundleReader().read(Fixtures.seed).payments.compactMap(\.payee).filter { !$0.isEmpty }
            #expect(!payees.isEmpty)
            try await app.testing().test(.GET, "/public?q=科学技术协会") { response in
                #expect(response.body.string.contains("/public/440112-KX/2022/v1"))
                #expect(!response.body.string.contains("420000-WJ-DEMO"))
            }
            for file in ["", "/report.html", "/report.docx", "/report.xlsx", "/score.csv"] {
                try await app.testing().test(.GET, "/public/440112-KX/2022/v1" + file) { response in
                    #expect(response.status == .ok, "\(file)")
                    let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                    #expect(!payees.contains { text.contains($0) }, "a payee in \(file)")
                    #expect(!text.contains("\"payee\""), "\(file)")
                }
            }
            try await app.testing().test(.GET, "/public/440112-KX/2022/v1/score.csv") { response in
                #expect(response.body.string.contains("总分") && response.body.string.contains("97.90"))
            }
            try await app.testing().test(.GET, "/public/420000-WJ-DEMO/2023/v1") { #expect($0.status == .notFound) }

            // A correction: returned after publication, corrected, published again as version 2; version 1 stays.
            #expect(try await reviewer.step(app, "selfEvaluation", "return", reason: "补充整改措施").0 == .ok)
            #expect(try await preparer.change(app, .PUT, "/narrative", Self.narrative) == .ok)
            try await handIn()
            try await app.testing().test(.GET, "/public/440112-KX/2022/v2/report.html") { response in
                #expect(response.body.string.contains("全年任务完成良好。"))
            }
            try await app.testing().test(.GET, "/public/440112-KX/2022/v1/report.html") { response in
                #expect(response.status == .ok && !response.body.string.contains("全年任务完成良好。"))
            }
            let published = try await AuditEntryModel.query(on: app.db).filter(\.$action == "review.selfEvaluation.publish")
                .sort(\.$sequence).all().map(\.after)
            #expect(published.count == 2 && published[1].contains("version 2"))
        }
    }
}
}
