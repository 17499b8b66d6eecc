import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

/// 目标调整 and pointed return notes through the API and the pages.
extension DatabaseTests {
@Suite struct TargetAdjustmentTests {
    static let base = "/api/v1/years/440112-KX/2022"

    static func ask(_ party: ReviewTests.Party, _ app: Application, _ fields: [String: JSONValue])
        async throws -> (HTTPResponseStatus, JSONValue?) {
        try await party.browser.api(app, .POST, Self.base + "/targets",
                                    body: .object(fields.sorted { $0.key < $1.key }.map { .init($0.key, $0.value) }),
                                    token: party.token)
    }

    static func decide(_ party: ReviewTests.Party, _ app: Application, _ number: Int, _ action: String,
                       reason: String = "") async throws -> HTTPResponseStatus {
        try await party.browser.api(app, .POST, Self.base + "/targets/\(number)",
                                    body: .object(["action": .string(action), "reason": .string(reason)]),
                                    token: party.token).0
    }

    @Test func anApprovedTargetChangesOnlyThroughAnApprovedRequestAndKeepsItsHistory() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let preparer = try await ReviewTests.Party.signIn(app, "preparer")
            let head = try await ReviewTests.Party.signIn(app, "head")
            let reviewer = try await ReviewTests.Party.signIn(app, "reviewer")
            let lower: [String: JSONValue] = ["indicator": .string("i1"), "target": .string("36"),
                                              "reason": .string("场馆改造停用两个月，场次相应减少")]
            // Targets still drafting are changed directly, not by request.
            let (early, refusal) = try await Self.ask(preparer, app, lower)
            #expect(early == .conflict && refusal?["reason"]?.string?.contains("可以直接修改") == true)

            #expect(try await preparer.step(app, "targets", "submit").0 == .ok)
            #expect(try await head.step(app, "targets", "approve").0 == .ok)
            #expect(try await reviewer.step(app, "targets", "approve", grade: "良").0 == .ok)
            let (_, before) = try await preparer.browser.api(app, .GET, Self.base + "/targets")
            guard case .array(let approvedHistory)? = before?["history"] else {
                Issue.record("no history")
                return
            }
            let indicators = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
                .indicators.count
            #expect(approvedHistory.count == indicators && approvedHistory.allSatisfy { $0["event"] == .string("approved") })
            #expect(before?["mayRequest"] == .bool(true))

            // Refused: nothing changed, no reason, a weight that does not read, a target the reader refuses.
            #expect(try await Self.ask(preparer, app, ["indicator": .string("i1"), "target": .string("40"),
                                                       "reason": .string("不变")]).0 == .conflict)
            #expect(try await Self.ask(preparer, app, ["indicator": .string("i1"), "target": .string("36")]).0
                == .conflict)
            let (badWeight, weightFaults) = try await Self.ask(preparer, app, ["indicator": .string("i1"),
                                                                              "weight": .string("ten"),
                                                                              "reason": .string("调整")])
            #expect(badWeight == .unprocessableEntity && weightFaults?["fields"]?["weight"] != nil)
            #expect(try await Self.ask(head, app, lower).0 == .forbidden)
            #expect(try await Self.ask(reviewer, app, lower).0 == .forbidden)

            let (asked, requests) = try await Self.ask(preparer, app, lower)
            #expect(asked == .created)
            guard case .array(let list)? = requests?["requests"], let request = list.first else {
                Issue.record("no request")
                return
            }
            #expect(request["number"]?.literal == "1" && request["state"] == .string("submitted"))
            #expect(request["before"]?["target"] == .string("40") && request["after"]?["target"] == .string("36"))
            // Not yet in force: the year still has the approved target.
            #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)?
                .indicators.first?.targetText == "40")

            // The head sees it waiting, approves it; the bureau cannot take the head's step.
            try await head.browser.get(app, "/") { response in
                #expect(response.body.string.contains("第 1 号：举办科普活动场次"))
            }
            #expect(try await Self.decide(reviewer, app, 1, "approve") == .conflict)
            #expect(try await Self.decide(head, app, 1, "approve") == .ok)
            #expect(try await Self.decide(preparer, app, 1, "withdraw") == .conflict)
            #expect(try await Self.decide(reviewer, app, 1, "approve") == .ok)

            let year = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
            #expect(year.indicators.first?.targetText == "36")
            let (_, after) = try await preparer.browser.api(app, .GET, Self.base + "/targets")
            guard case .array(let history)? = after?["history"], let last = history.last else {
                Issue.record("no history")
                return
            }
            #expect(history.count == indicators + 1 && last["event"] == .string("adjusted") && last["target"]?["target"] == .string("36"))
            #expect(last["reason"]?.string?.contains("场馆改造") == true)
            // The page shows the history and the request in force.
            try await preparer.browser.get(app, "/years/440112-KX/2022/targets") { response in
                let page = response.body.string
                #expect(page.contains("调整生效") && page.contains("≥ 36 场（10 分）") && page.contains("已批准并生效"))
            }

            // A second request returned by the bureau with its reason; then the self-evaluation freezes targets.
            #expect(try await Self.ask(preparer, app, ["indicator": .string("i2"), "target": .string("20"),
                                                       "reason": .string("专家档期减少")]).0 == .created)
            #expect(try await Self.decide(head, app, 2, "approve") == .ok)
            #expect(try await Self.decide(reviewer, app, 2, "return") == .conflict)
            #expect(try await Self.decide(reviewer, app, 2, "return", reason: "档期不是减少目标的理由") == .ok)
            #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)?
                .indicators[1].targetText == "25")
            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            let (frozen, why) = try await Self.ask(preparer, app, ["indicator": .string("i2"), "target": .string("20"),
                                                                   "reason": .string("再次申请")])
            #expect(frozen == .conflict && why?["reason"]?.string?.contains("目标不能再调整") == true)

            let audited = try await AuditEntryModel.query(on: app.db).filter(\.$action ~~ "targetAdjustment")
                .sort(\.$sequence).all().map(\.action)
            #expect(audited == ["submit", "approve", "approve", "submit", "approve", "return"]
                .map { "review.targetAdjustment.\($0)" })
            try await AuditLog.verify(on: app.db)
        }
    }

    @Test func aReturnsNotesShowOnThePagesTheyPointAtUntilTheRoundIsHandedInAgain() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let preparer = try await ReviewTests.Party.signIn(app, "preparer")
            let head = try await ReviewTests.Party.signIn(app, "head")
            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            let body = JSONValue.object([
                "round": .string("selfEvaluation"), "action": .string("return"), "reason": .string("请按意见修改后再送审"),
                "remarks": .array([
                    .object(["section": .string("narrative"), "note": .string("履职效能部分缺少受众人次的统计口径")]),
                    .object(["section": .string("indicators"), "indicator": .string("i1"),
                             "note": .string("实际完成值与活动记录不一致")]),
                    .object(["section": .string("budget"), "note": .string("  ")]),
                ]),
            ])
            let (unknown, _) = try await head.browser.api(
                app, .POST, ReviewTests.base + "/review",
                body: .object(["round": .string("selfEvaluation"), "action": .string("return"), "reason": .string("x"),
                               "remarks": .array([.object(["section": .string("lobby"), "note": .string("x")])])]),
                token: head.token)
            #expect(unknown == .unprocessableEntity)
            let (returned, rounds) = try await head.browser.api(app, .POST, ReviewTests.base + "/review", body: body,
                                                                 token: head.token)
            #expect(returned == .ok)
            guard case .array(let remarks)? = rounds?["rounds"]?["selfEvaluation"]?["remarks"] else {
                Issue.record("no remarks")
                return
            }
            // The empty note is left out.
            #expect(remarks.count == 2 && remarks[1]["indicator"] == .string("i1"))

            func notes(_ path: String) async throws -> String {
                var text = ""
                try await preparer.browser.get(app, path) { response in
                    let page = response.body.string
                    guard let start = page.range(of: "id=\"return-notes\"") else { return }
                    text = String(page[start.lowerBound...].prefix(600))
                }
                return text
            }
            let narrative = try await notes("/years/440112-KX/2022/narrative")
            #expect(narrative.contains("报告文字：履职效能部分缺少受众人次的统计口径") && !narrative.contains("活动记录"))
            let indicators = try await notes("/years/440112-KX/2022/indicators")
            #expect(indicators.contains("指标“举办科普活动场次”：实际完成值与活动记录不一致"))
            #expect(try await notes("/years/440112-KX/2022/payments").isEmpty)
            let overview = try await notes("/years/440112-KX/2022")
            #expect(overview.contains("退回原因：请按意见修改后再送审") && overview.contains("受众人次")
                && overview.contains("举办科普活动场次"))

            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            #expect(try await notes("/years/440112-KX/2022/narrative").isEmpty)
            // The history keeps them.
            let (_, review) = try await preparer.browser.api(app, .GET, ReviewTests.base + "/review")
            guard case .array(let history)? = review?["history"] else {
                Issue.record("no history")
                return
            }
            #expect(history.contains { event in
                guard case .array(let kept)? = event["remarks"] else { return false }
                return kept.count == 2
            })
        }
    }
}
}
