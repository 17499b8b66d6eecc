import Fluent
import Foundation
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// The parts of a year the pages edit beside the indicators — activities, procurements, assets, 基本情况 and
    /// evidence — through the JSON API, with the pages' checks, guards and audit.
    @Suite struct YearPartsAPITests {
        static let base = "/api/v1/years/440112-KX/2022"

        @Test func activitiesAndProcurementsChangeAsListsGuardedByTheirDigest() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let token = try await browser.apiToken(app)
                let (read, list) = try await browser.api(app, .GET, Self.base + "/activities")
                guard read == .ok, case .string(let digest)? = list?["digest"],
                      case .array(let activities)? = list?["activities"] else {
                    Issue.record("no list: \(String(describing: list))"); return
                }
                #expect(activities.count == 47 && list?["moneyUnit"] == .string("yuan"))
                let added = JSONValue.object(["date": .string("2022-12-20"), "title": .string("API 添加的科普讲座"),
                                              "kind": .string("lecture"), "audience": .number("120")])
                let (changed, after) = try await browser.api(app, .POST, Self.base + "/activities", body: .object([
                    "digest": .string(digest), "remove": .array([.number("0")]), "add": .array([added]),
                ]), token: token)
                #expect(changed == .ok)
                if case .array(let now)? = after?["activities"] {
                    #expect(now.count == 47 && now.last?["title"] == .string("API 添加的科普讲座"))
                }
                // The digest read before is stale now; a fault is named by its bundle path.
                #expect(try await browser.api(app, .POST, Self.base + "/activities", body: .object([
                    "digest": .string(digest), "add": .array([added])]), token: token).0 == .conflict)
                guard case .string(let fresh)? = after?["digest"] else { Issue.record("no digest"); return }
                let (refused, issues) = try await browser.api(app, .POST, Self.base + "/activities", body: .object([
                    "digest": .string(fresh), "add": .array([.object(["date": .string("2022-13-01"), "title": .string("x"),
                                                                      "kind": .string("lecture")])]),
                ]), token: token)
                #expect(refused == .unprocessableEntity)
                #expect(issues?["issues"]?.serialized().contains("activities[47].date") == true)

                let (_, procurements) = try await browser.api(app, .GET, Self.base + "/procurements")
                guard case .string(let procurementDigest)? = procurements?["digest"],
                      case .array(let entries)? = procurements?["procurements"], let first = entries.first else {
                    Issue.record("no procurements"); return
                }
                let (replaced, replacedList) = try await browser.api(app, .POST, Self.base + "/procurements", body: .object([
                    "digest": .string(procurementDigest),
                    "replace": .object(["0": first.setting("contractFiled", to: .string("2022-10-09"))]),
                ]), token: token)
                #expect(replaced == .ok)
                if case .array(let now)? = replacedList?["procurements"] {
                    #expect(now.first?["contractFiled"] == .string("2022-10-09"))
                }
                let actions = try await AuditEntryModel.query(on: app.db).filter(\.$action ~~ ".change").all().map(\.action)
                #expect(actions.contains("activities.change") && actions.contains("procurements.change"))
            }
        }

        @Test func assetsAndBasicsAreSavedAtTheYearsVersion() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let token = try await browser.apiToken(app)
                let (_, assets) = try await browser.api(app, .GET, Self.base + "/assets")
                #expect(assets?["assets"]?["current"] == .string("22236.18"))
                guard case .number(let version)? = assets?["version"] else { Issue.record("no version"); return }
                let changed = try #require(assets?["assets"]).setting("total", to: .string("1816675.00"))
                let (saved, after) = try await browser.api(app, .PUT, Self.base + "/assets", body: .object([
                    "version": .number(version), "assets": changed]), token: token)
                #expect(saved == .ok && after?["assets"]?["total"] == .string("1816675.00"))
                // The version read before is stale now.
                #expect(try await browser.api(app, .PUT, Self.base + "/assets", body: .object([
                    "version": .number(version), "assets": changed]), token: token).0 == .conflict)

                let (_, basics) = try await browser.api(app, .GET, Self.base + "/basics")
                guard case .number(let basicsVersion)? = basics?["version"],
                      case .array(var tasks)? = basics?["tasks"], tasks.count == 5 else { Issue.record("no basics"); return }
                // The work plan's tasks point at key tasks by number: a list of two would orphan them.
                let (orphaning, faults) = try await browser.api(app, .PUT, Self.base + "/basics", body: .object([
                    "version": .number(basicsVersion), "tasks": .array(Array(tasks.prefix(2)))]), token: token)
                #expect(orphaning == .unprocessableEntity
                    && faults?["issues"]?.serialized().contains("workPlan[4].keyTask") == true)
                tasks[0] = .string("办好全国科普日")
                let (updated, texts) = try await browser.api(app, .PUT, Self.base + "/basics", body: .object([
                    "version": .number(basicsVersion), "overview": .string("区科协是科技工作者的群众组织。"),
                    "tasks": .array(tasks), "goal": .string("全年开展科普活动不少于 40 场。"),
                ]), token: token)
                #expect(updated == .ok)
                #expect(texts?["tasks"] == .array(tasks) && texts?["goal"] == .string("全年开展科普活动不少于 40 场。"))
                let long = String(repeating: "长", count: TextLimits.maximumCharacters + 1)
                guard case .number(let next)? = texts?["version"] else { Issue.record("no version"); return }
                #expect(try await browser.api(app, .PUT, Self.base + "/basics", body: .object([
                    "version": .number(next), "overview": .string(long)]), token: token).0 == .unprocessableEntity)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                #expect(try await reviewer.api(app, .PUT, Self.base + "/basics", body: .object(["version": .number(next)]),
                                               token: try await reviewer.apiToken(app)).0 == .forbidden)
            }
        }

        @Test func evidenceIsAttachedListedDownloadedAndRemoved() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var browser = Browser()
                try await browser.signIn(app, username: "preparer")
                let token = try await browser.apiToken(app)
                func upload(_ data: Data, subject: String) async throws -> (HTTPResponseStatus, JSONValue?) {
                    var headers = browser.headers
                    headers.add(name: "X-CSRF-Token", value: token)
                    headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
                    var result: (HTTPResponseStatus, JSONValue?) = (.ok, nil)
                    let query = "?subject=\(subject)&name=%E7%AD%BE%E5%88%B0%E8%A1%A8.pdf"
                    try await app.testing().test(.POST, Self.base + "/evidence" + query, headers: headers,
                                                 body: ByteBuffer(data: data)) { response in
                        result = (response.status, try? JSONParser.parse(Data(response.body.readableBytesView)))
                    }
                    return result
                }
                let (added, entry) = try await upload(EvidenceTests.pdf, subject: "indicator:i1")
                #expect(added == .created && entry?["name"] == .string("签到表.pdf"))
                #expect(entry?["label"]?.string?.hasPrefix("绩效指标：") == true)
                #expect(try await upload(Data("<html></html>".utf8), subject: "indicator:i1").0 == .unsupportedMediaType)
                #expect(try await upload(EvidenceTests.pdf, subject: "indicator:nope").0 == .unprocessableEntity)
                let (_, list) = try await browser.api(app, .GET, Self.base + "/evidence")
                guard case .array(let files)? = list, case .string(let id)? = files.first?["id"] else {
                    Issue.record("no files"); return
                }
                #expect(files.count == 1)
                try await app.testing().test(.GET, Self.base + "/evidence/\(id)", headers: browser.headers) { response in
                    #expect(response.status == .ok && Data(response.body.readableBytesView) == EvidenceTests.pdf)
                    #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
                }
                #expect(try await browser.api(app, .DELETE, Self.base + "/evidence/\(id)", token: token).0 == .noContent)
                #expect(try await browser.api(app, .DELETE, Self.base + "/evidence/\(id)", token: token).0 == .notFound)
            }
        }
    }
}
