import Foundation
import JixiaoIO
import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// The JSON API: authorisation as on the pages, CSRF on changes, validation, conflicts.
    @Suite struct APITests {
        static let base = "/api/v1/years/440112-KX/2022"

        private func request(_ app: Application, _ browser: Browser, _ method: HTTPMethod, _ path: String,
                             body: JSONValue? = nil, token: String? = nil) async throws
            -> (HTTPResponseStatus, JSONValue?) {
            try await browser.api(app, method, path, body: body, token: token)
        }

        private func token(_ app: Application, _ browser: Browser) async throws -> String {
            try await browser.apiToken(app)
        }

        @Test func theDocumentIsPublicAndEverythingElseNeedsASession() async throws {
            try await TestStore.withApp { app in
                try await app.testing().test(.GET, "/api/v1/openapi.json") { response in
                    #expect(response.status == .ok)
                    #expect(response.body.string.contains(#""openapi": "3.1.0""#))
                }
                try await app.testing().test(.GET, "/api/v1/years") { response in
                    #expect(response.status == .unauthorized)
                }
            }
        }

        @Test func evaluationAndPaymentsAreReadAsOnThePages() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let (_, years) = try await request(app, browser, .GET, "/api/v1/years")
                #expect(years == .array([.object(["code": .string("440112-KX"),
                                                  "name": .string("广州市黄埔区科学技术协会（广州开发区科学技术协会）"),
                                                  "year": .number("2022"), "version": .number("1")])]))
                let (_, evaluation) = try await request(app, browser, .GET, Self.base + "/evaluation")
                #expect(evaluation?["budget"]?["rate"] == .string("0.9899"))
                #expect(evaluation?["total"] == .string("97.90"))
                // A page number past any offset answers an empty page (it once overflowed and ended the server).
                let (far, farPage) = try await request(app, browser, .GET,
                                                       Self.base + "/payments?page=2260612530402027520&size=500")
                #expect(far == .ok && farPage?["payments"] == .array([]))
                let (_, page) = try await request(app, browser, .GET, Self.base + "/payments?line=X01&size=5")
                #expect(page?["matching"] == .number("10"))
                #expect(page?["total"] == .string("2512000.00"))
                let (other, _) = try await request(app, browser, .GET, "/api/v1/years/420000-WJ-DEMO/2023/evaluation")
                #expect(other == .forbidden)
            }
        }

        /// Sixteen clients change one payment at the same version at once: one is stored, the others are told it
        /// changed (409) — none sees a server error — and sixteen more add payments, all stored.
        @Test func concurrentChangesAnswerConflictNeverAServerError() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let token = try await token(app, browser)
                let payment: [JSONValue.Member] = [.init("line", .string("X02")), .init("date", .string("2022-08-01")),
                                                   .init("amount", .string("1000.00"))]
                let (_, body) = try await request(app, browser, .POST, Self.base + "/payments", body: .object(payment),
                                                  token: token)
                let id = try #require(body?["id"]?.string)
                let browserCopy = browser
                let statuses = try await withThrowingTaskGroup(of: (Bool, HTTPResponseStatus).self) { group in
                    for client in 0..<32 {
                        group.addTask {
                            let amount = JSONValue.Member("amount", .string("\(2000 + client).00"))
                            if client < 16 {
                                let change = JSONValue.object(payment.filter { $0.key != "amount" }
                                    + [amount, .init("version", .number("1"))])
                                return (true, try await request(app, browserCopy, .PUT, Self.base + "/payments/" + id,
                                                                body: change, token: token).0)
                            }
                            let added = JSONValue.object(payment.filter { $0.key != "amount" } + [amount])
                            return (false, try await request(app, browserCopy, .POST, Self.base + "/payments",
                                                             body: added, token: token).0)
                        }
                    }
                    var collected: [(Bool, HTTPResponseStatus)] = []
                    for try await status in group { collected.append(status) }
                    return collected
                }
                #expect(statuses.filter { $0.0 && $0.1 == .ok }.count == 1)
                #expect(statuses.filter { $0.0 && $0.1 == .conflict }.count == 15)
                #expect(statuses.filter { !$0.0 }.allSatisfy { $0.1 == .created })
            }
        }

        @Test func changesNeedTheTokenAndAreCheckedAndGuarded() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "head")
                let token = try await token(app, browser)
                let payment: [JSONValue.Member] = [.init("line", .string("X02")), .init("date", .string("2022-08-01")),
                                                   .init("amount", .string("1,000.00")), .init("payee", .string("API"))]
                let (withoutToken, _) = try await request(app, browser, .POST, Self.base + "/payments", body: .object(payment))
                #expect(withoutToken == .forbidden)
                let (created, body) = try await request(app, browser, .POST, Self.base + "/payments", body: .object(payment),
                                                        token: token)
                #expect(created == .created)
                #expect(body?["amount"] == .string("1000.00") && body?["version"] == .number("1"))
                guard case .string(let id)? = body?["id"] else { return }
                let (invalid, errors) = try await request(app, browser, .POST, Self.base + "/payments",
                                                          body: .object(["line": .string("X02"), "date": .string("2022-02-30"),
                                                                         "amount": .string("x")]),
                                                          token: token)
                #expect(invalid == .unprocessableEntity)
                #expect(errors?["fields"]?["date"] == .string("“2022-02-30”不是有效日期，请按 2022-03-05 填写"))
                let change = JSONValue.object(payment.filter { $0.key != "amount" }
                    + [.init("amount", .string("2000")), .init("version", .number("1"))])
                let (updated, _) = try await request(app, browser, .PUT, Self.base + "/payments/" + id, body: change,
                                                     token: token)
                #expect(updated == .ok)
                let (stale, _) = try await request(app, browser, .PUT, Self.base + "/payments/" + id, body: change,
                                                   token: token)
                #expect(stale == .conflict)
                let (deleted, _) = try await request(app, browser, .DELETE, Self.base + "/payments/\(id)?version=2",
                                                     token: token)
                #expect(deleted == .noContent)
            }
        }

        @Test func linesNarrativeAndImportThroughTheAPI() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let token = try await token(app, browser)
                let line: JSONValue = .object(["code": .string("X09"), "name": .string("新项目"), "kind": .string("project"),
                                               "initial": .string("0"), "adjusted": .string("50000")])
                let (created, body) = try await request(app, browser, .POST, Self.base + "/lines", body: line, token: token)
                #expect(created == .created)
                #expect(body?["adjusted"] == .string("50000.00"))
                let (duplicate, _) = try await request(app, browser, .POST, Self.base + "/lines", body: line, token: token)
                #expect(duplicate == .unprocessableEntity)
                let (_, lines) = try await request(app, browser, .GET, Self.base + "/lines")
                guard case .array(let all)? = lines else { Issue.record("no lines"); return }
                #expect(all.count == 6)
                let used = try #require(all.first { $0["code"] == .string("X01") })
                guard case .string(let usedID)? = used["id"] else { return }
                let (inUse, _) = try await request(app, browser, .DELETE, Self.base + "/lines/\(usedID)?version=1",
                                                   token: token)
                #expect(inUse == .conflict)
                let narrative: JSONValue = .object(["version": .number("1"),
                                                    "sections": .object(["measures": .string("一是细化目标。")])])
                let (saved, sections) = try await request(app, browser, .PUT, Self.base + "/narrative", body: narrative,
                                                          token: token)
                #expect(saved == .ok)
                #expect(sections?["sections"]?["measures"] == .string("一是细化目标。"))
                #expect(try await request(app, browser, .PUT, Self.base + "/narrative", body: narrative, token: token).0
                    == .conflict)
                var bundle = try JSONParser.parse(try Data(contentsOf: Fixtures.seed))
                let (exists, _) = try await request(app, browser, .POST, "/api/v1/import", body: bundle, token: token)
                #expect(exists == .conflict)
                let (replaced, _) = try await request(app, browser, .POST, "/api/v1/import?replace=true", body: bundle,
                                                      token: token)
                #expect(replaced == .created)
                if case .object(var members) = bundle {
                    members.removeAll { $0.key == "department" }
                    bundle = .object(members)
                }
                let (invalid, issues) = try await request(app, browser, .POST, "/api/v1/import", body: bundle, token: token)
                #expect(invalid == .unprocessableEntity)
                #expect(issues?["issues"] != nil)

                // The upload that once ended the server: target 10⁻²⁰, actual 10²⁰. Refused by path; the server answers on.
                var extreme = try JSONParser.parse(try Data(contentsOf: Fixtures.seed))
                if case .array(var indicators)? = extreme["indicators"] {
                    indicators[0] = indicators[0].setting("target", to: .string("1e-20"))
                        .setting("actual", to: .number("100000000000000000000"))
                    extreme = extreme.setting("indicators", to: .array(indicators))
                }
                let (refused, faults) = try await request(app, browser, .POST, "/api/v1/import?replace=true", body: extreme,
                                                          token: token)
                #expect(refused == .unprocessableEntity)
                #expect(faults?.serialized().contains("indicators[0].target") == true)
                try await app.testing().test(.GET, "/healthz") { #expect($0.status == .ok) }
            }
        }

        @Test func monitoringAndIndicatorProgressThroughTheAPI() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let token = try await token(app, browser)
                let (status, report) = try await request(app, browser, .GET, Self.base + "/monitoring?asOf=2022-06-30")
                #expect(status == .ok)
                #expect(report?["timeProgress"] == .string("0.4959"))
                #expect(report?["forecast"]?["budgetPointsAtRisk"] == .string("2.36"))
                let path = Self.base + "/indicators/i3/progress"
                let bad: JSONValue = .object(["asOf": .string("2022-07-31"), "actual": .string("4"),
                                              "likelihood": .string("possible")])
                let (refused, issues) = try await request(app, browser, .POST, path, body: bad, token: token)
                #expect(refused == .unprocessableEntity)
                guard case .array(let list)? = issues?["issues"] else { Issue.record("no issues"); return }
                #expect(list.compactMap { $0["path"] } == [.string("indicators[2].progress[1].cause"),
                                                           .string("indicators[2].progress[1].remedy")])
                let good: JSONValue = .object(["asOf": .string("2022-07-31"), "actual": .string("4"),
                                               "likelihood": .string("certain")])
                #expect(try await request(app, browser, .POST, path, body: good, token: nil).0 == .forbidden)
                let (saved, stored) = try await request(app, browser, .POST, path, body: good, token: token)
                #expect(saved == .ok)
                guard case .array(let progress)? = stored?["progress"] else { Issue.record("no progress"); return }
                #expect(progress.compactMap { $0["asOf"] } == [.string("2022-06-30"), .string("2022-07-31")])
                #expect(try await request(app, browser, .POST, Self.base + "/indicators/zz/progress", body: good,
                                          token: token).0 == .notFound)
            }
        }

        @Test func aLinePlanIsReplacedThroughTheAPI() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "head")
                let token = try await token(app, browser)
                let (_, lines) = try await request(app, browser, .GET, Self.base + "/lines")
                guard case .array(let all)? = lines, case .string(let id)? = all[1]["id"],
                      case .number(let version)? = all[1]["version"] else { Issue.record("no lines"); return }
                let path = Self.base + "/lines/\(id)/plan"
                let bad: JSONValue = .object(["version": .number(version), "plan": .array([
                    .object(["month": .number("13"), "amount": .string("1")]),
                    .object(["month": .number("2"), "amount": .string("一千")]),
                ])])
                let (refused, errors) = try await request(app, browser, .PUT, path, body: bad, token: token)
                #expect(refused == .unprocessableEntity)
                #expect(errors?["fields"]?["plan[0].month"] == .string("月份应是 1 到 12 之间的整数"))
                #expect(errors?["fields"]?["month2"] == .string("“一千”不是金额（元，不小于 0，最多两位小数）"))
                let good: JSONValue = .object(["version": .number(version), "plan": .array([
                    .object(["month": .number("6"), "amount": .string("583,000.00")]),
                ])])
                let (saved, line) = try await request(app, browser, .PUT, path, body: good, token: token)
                #expect(saved == .ok)
                #expect(line?["plan"] == .array([.object(["month": .number("6"), "amount": .string("583000.00")])]))
                #expect(try await request(app, browser, .PUT, path, body: good, token: token).0 == .conflict)
            }
        }

        @Test func workPlanTasksThroughTheAPI() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let token = try await token(app, browser)
                let (_, plan) = try await request(app, browser, .GET, Self.base + "/workplan")
                guard case .array(let tasks)? = plan else { Issue.record("no tasks"); return }
                #expect(tasks.count == 10 && tasks[3]["task"]?["plannedPayments"] != nil)
                let bad: JSONValue = .object(["id": .string("t1"), "title": .string("重复"), "start": .string("2022-05-01"),
                                              "due": .string("2022-04-01"), "status": .string("later")])
                let (refused, issues) = try await request(app, browser, .POST, Self.base + "/workplan", body: bad, token: token)
                #expect(refused == .unprocessableEntity)
                guard case .array(let list)? = issues?["issues"] else { Issue.record("no issues"); return }
                #expect(list.compactMap { $0["path"] } == [.string("workPlan[10].id"), .string("workPlan[10].due"),
                                                           .string("workPlan[10].status")])
                let task: JSONValue = .object(["id": .string("t11"), "title": .string("科普展品巡展"),
                                               "start": .string("2022-10-01"), "due": .string("2022-11-30"),
                                               "status": .string("inProgress"), "progress": .string("0.4")])
                let (created, stored) = try await request(app, browser, .POST, Self.base + "/workplan", body: task, token: token)
                #expect(created == .created && stored?["version"] == .number("1"))
                let change: JSONValue = .object(["version": .number("1"), "task": task.setting("status", to: .string("done"))
                    .setting("progress", to: .string("1")).setting("completed", to: .string("2022-11-28"))])
                let (changed, after) = try await request(app, browser, .PUT, Self.base + "/workplan/t11", body: change, token: token)
                #expect(changed == .ok && after?["task"]?["completed"] == .string("2022-11-28"))
                #expect(try await request(app, browser, .PUT, Self.base + "/workplan/t11", body: change, token: token).0 == .conflict)
                #expect(try await request(app, browser, .DELETE, Self.base + "/workplan/t11?version=2", token: token).0 == .noContent)
                #expect(try await request(app, browser, .DELETE, Self.base + "/workplan/t11?version=2", token: token).0 == .notFound)
            }
        }

        /// Every API route of another department answers 403 to a preparer.
        @Test func aPreparerIsRefusedEveryRouteOfAnotherDepartment() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let token = try await token(app, browser)
                let other = "/api/v1/years/420000-WJ-DEMO/2023"
                let id = UUID().uuidString
                let routes: [(HTTPMethod, String)] = [
                    (.GET, "/evaluation"), (.GET, "/bundle"), (.GET, "/payments"), (.POST, "/payments"),
                    (.PUT, "/payments/\(id)"), (.DELETE, "/payments/\(id)?version=1"), (.GET, "/lines"),
                    (.POST, "/lines"), (.PUT, "/lines/\(id)"), (.DELETE, "/lines/\(id)?version=1"),
                    (.GET, "/narrative"), (.PUT, "/narrative"), (.GET, "/monitoring"), (.POST, "/indicators/i1/progress"),
                    (.PUT, "/lines/\(id)/plan"), (.GET, "/workplan"), (.POST, "/workplan"), (.PUT, "/workplan/t1"),
                    (.DELETE, "/workplan/t1?version=1"), (.GET, "/activities"), (.POST, "/activities"),
                    (.GET, "/procurements"), (.POST, "/procurements"), (.GET, "/assets"), (.PUT, "/assets"),
                    (.GET, "/basics"), (.PUT, "/basics"), (.GET, "/evidence"), (.POST, "/evidence?subject=indicator:i1"),
                    (.GET, "/evidence/\(id)"), (.DELETE, "/evidence/\(id)"),
                ]
                for (method, path) in routes {
                    let (status, _) = try await request(app, browser, method, other + path, body: .object([]), token: token)
                    #expect(status == .forbidden, "\(method) \(path)")
                }
                let foreign = try JSONParser.parse(try Data(contentsOf: Fixtures.example("demo-health-hubei-2023.json")))
                #expect(try await request(app, browser, .POST, "/api/v1/import?replace=true", body: foreign,
                                          token: token).0 == .forbidden)
            }
        }

        /// Each role × each API route × own or other department: refused (403) exactly when the role may not see or
        /// change that department's data. Bodies are empty, so an allowed change answers 404 or 422, never 403.
        @Test("API authorisation matrix", arguments: Role.allCases)
        func apiAuthorisationMatrix(role: Role) async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: role.rawValue)
                let token = try await token(app, browser)
                let id = UUID().uuidString
                let reads: [String] = ["/evaluation", "/bundle", "/payments", "/lines", "/narrative"]
                let changes: [(HTTPMethod, String)] = [
                    (.POST, "/payments"), (.PUT, "/payments/\(id)"), (.DELETE, "/payments/\(id)?version=1"),
                    (.POST, "/lines"), (.PUT, "/lines/\(id)"), (.DELETE, "/lines/\(id)?version=1"),
                ]
                for (department, year, own) in [("440112-KX", 2022, true), ("420000-WJ-DEMO", 2023, false)] {
                    let base = "/api/v1/years/\(department)/\(year)"
                    let maySee = role.isDepartmental ? own : !role.isAdministrator
                    let mayChange = role.isDepartmental && own
                    for path in reads {
                        let (status, _) = try await request(app, browser, .GET, base + path)
                        #expect(status == (maySee ? .ok : .forbidden), "\(role) GET \(base + path)")
                    }
                    for (method, path) in changes {
                        let (status, _) = try await request(app, browser, method, base + path, body: .object([]),
                                                            token: token)
                        #expect((status == .forbidden) == !mayChange, "\(role) \(method) \(base + path) → \(status)")
                    }
                }
            }
        }

        @Test func readOnlyRolesCannotChangeThroughTheAPI() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "auditor")
                let token = try await token(app, browser)
                let (status, _) = try await request(app, browser, .POST, Self.base + "/payments",
                                                    body: .object(["line": .string("X02"), "date": .string("2022-08-01"),
                                                                   "amount": .string("1")]),
                                                    token: token)
                #expect(status == .forbidden)
            }
        }
    }
}
