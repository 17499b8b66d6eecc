import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoOffice
@testable import JixiaoStore
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
            let (added, page) = try await browser.upload(app, Self.page, fields: ["subject": "indicator:i1"],
                                                         file: ("活动签到表.pdf", Self.pdf))
            #expect(added == .ok && page.contains("已上传“活动签到表.pdf”"))
            // A page disguised as a PDF, and a file without a subject, are refused.
            let (disguised, refusal) = try await browser.upload(app, Self.page, fields: ["subject": "indicator:i1"],
                file: ("签到表.pdf", Data("<html><script>alert(1)</script></html>".utf8)))
            #expect(disguised == .unsupportedMediaType && refusal.contains("佐证材料须为 PDF"))
            #expect(try await browser.upload(app, Self.page, fields: ["subject": "nothing:x"],
                                                       file: ("a.pdf", Self.pdf)).0 == .unprocessableEntity)
            let (tooLarge, _) = try await browser.upload(app, Self.page, fields: ["subject": "indicator:i1"],
                file: ("big.pdf", Self.pdf + Data(count: EvidenceKind.maximumBytes)))
            #expect(tooLarge == .payloadTooLarge)

            let organisation = try #require(try await YearRepository(database: app.db).organisation(code: "440112-KX"))
            let entries = try await EvidenceRepository(database: app.db).entries(organisationID: organisation.id,
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
            // Listed in the report, whose score table links each figure to its evidence, records and scoring.
            try await browser.get(app, "/years/440112-KX/2022/report.html") { response in
                let report = response.body.string
                #expect(report.contains("佐证材料目录") && report.contains("活动签到表.pdf"))
                #expect(report.contains(#"<span class="links"><a href="/years/440112-KX/2022/evidence/\#(entry.id.uuidString)">"#
                    + #"佐证：活动签到表.pdf</a> <a href="/years/440112-KX/2022/activities">活动记录 "#))
                #expect(report.contains(#"<a href="/years/440112-KX/2022/evaluation#indicator-i2">评分依据</a>"#))
                #expect(report.contains(#"<a href="/years/440112-KX/2022/payments">支付明细</a>"#))
            }
            // The Word report lists the file but carries no links into the system.
            try await browser.get(app, "/years/440112-KX/2022/report.docx") { response in
                let document = try PackageReader().parts(of: Data(response.body.readableBytesView))["word/document.xml"]
                let text = String(decoding: try #require(document), as: UTF8.self)
                #expect(text.contains("活动签到表.pdf") && !text.contains("评分依据"))
            }

            // Handed in, the evidence is held with the self-evaluation.
            let preparer = try await ReviewTests.Party.signIn(app, "preparer")
            #expect(try await preparer.step(app, "selfEvaluation", "submit").0 == .ok)
            let (held, _) = try await browser.upload(app, Self.page, fields: ["subject": "task:t1"],
                                                               file: ("进度表.pdf", Self.pdf))
            #expect(held == .conflict)
            #expect(try await preparer.step(app, "selfEvaluation", "withdraw").0 == .ok)
            #expect(try await browser.post(app, Self.page + "/\(entry.id.uuidString)/delete", [:]).0 == .seeOther)
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$action ~~ "evidence.").sort(\.$sequence)
                .all().map(\.action)
            #expect(actions == ["evidence.add", "evidence.remove"])
        }
    }

    @Test func theYearTravelsWithItsEvidenceAsAZipThatImportsBack() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            _ = try await browser.signIn(app, username: "preparer")
            try await browser.get(app, Self.page) { browser.keep($0) }
            for (subject, name) in [("indicator:i1", "签到表.pdf"), ("task:t1", "进度照片.pdf")] {
                #expect(try await browser.upload(app, Self.page, fields: ["subject": subject], file: (name, Self.pdf)).0 == .ok)
            }
            var archive = Data()
            try await browser.get(app, "/years/440112-KX/2022/bundle.zip") { response in
                #expect(response.status == .ok && response.headers.contentType?.subType == "zip")
                archive = Data(response.body.readableBytesView)
            }
            let (year, files) = try BundleArchive.read(archive, file: "bundle.zip")
            #expect(year.department.code == "440112-KX" && files.map(\.name) == ["签到表.pdf", "进度照片.pdf"])

            // The evidence goes; the archive brings it back after showing the change.
            let organisation = try #require(try await YearRepository(database: app.db).organisation(code: "440112-KX"))
            let repository = EvidenceRepository(database: app.db)
            let fiscal = try #require(try await YearRepository(database: app.db)
                .fiscalYear(organisationID: organisation.id, year: 2022))
            for entry in try await repository.entries(organisationID: organisation.id, year: 2022) {
                try await repository.remove(entry.id, organisation: organisation, fiscal: fiscal, actor: "test")
            }
            try await browser.get(app, "/import") { browser.keep($0) }
            let (preview, page) = try await browser.upload(app, "/import", fields: [:], file: ("备份.zip", archive))
            #expect(preview == .ok && page.contains("替换为压缩包中的 2 份文件"))
            let token = try #require(page.range(of: #"name="token" value=""#).map {
                String(page[$0.upperBound...].prefix { $0 != "\"" })
            })
            #expect(try await browser.post(app, "/import/confirm", ["token": token]).0 == .seeOther)
            let restored = try await repository.files(organisationID: organisation.id, year: 2022)
            #expect(restored.map(\.data) == [Self.pdf, Self.pdf] && restored.map(\.subject) == ["indicator:i1", "task:t1"])

            // A file changed inside the archive, a record the year lacks: refused, every fault named, nothing changed.
            var tampered = files
            tampered[0].data = Self.pdf + Data("%changed".utf8)
            let (changed, faults) = try await browser.upload(
                app, "/import", fields: [:], file: ("改过.zip", try BundleArchive.write(year, evidence: tampered)))
            #expect(changed == .unprocessableEntity && faults.contains("内容不符"))
            var stranger = files
            stranger[1].subject = "task:t99"
            let (unknown, why) = try await browser.upload(
                app, "/import", fields: [:], file: ("多余.zip", try BundleArchive.write(year, evidence: stranger)))
            #expect(unknown == .unprocessableEntity && why.contains("task:t99"))
            #expect(try await repository.files(organisationID: organisation.id, year: 2022) == restored)
        }
    }
}
}

/// 活动记录 kept on the page: rows pasted from a spreadsheet or uploaded as CSV, rows removed.
extension DatabaseTests {
@Suite struct ActivityPageTests {
    static let page = "/years/440112-KX/2022/activities"

    static func digest(_ page: String) -> String {
        page.range(of: #"name="digest" value=""#).map { String(page[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
    }

    @Test func activitiesArePastedUploadedAndRemoved() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            _ = try await browser.signIn(app, username: "preparer")
            var digest = ""
            try await browser.get(app, Self.page) { response in
                browser.keep(response)
                digest = Self.digest(response.body.string)
                #expect(response.body.string.contains("检查并添加"))
            }
            let before = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
            // Every bad row named; nothing added.
            let (bad, problems) = try await browser.upload(app, Self.page, fields: [
                "digest": digest,
                "rows": "日期\t活动名称\t类型\t受众人次\n2022/11/5\t科普讲座进社区\t科普讲座\t1,200\n2022-13-01\t错日期\t\t\n2022-11-06\t\t\t5",
            ], file: ("empty.csv", Data()))
            #expect(bad == .unprocessableEntity && problems.contains("第 3 行") && problems.contains("第 4 行"))
            #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)?.activities.count
                == before.activities.count)

            let (pasted, page) = try await browser.upload(app, Self.page, fields: [
                "digest": digest, "rows": "2022/11/5\t科普讲座进社区\t科普讲座\t1,200",
            ], file: ("科普活动.csv", Data("日期,活动名称,类型,受众人次\n2022-11-20,\"院士专家校园行（第十场）\",院士专家校园行,300\n".utf8)))
            #expect(pasted == .ok && page.contains("已添加 2 条"))
            let after = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
            #expect(after.activities.count == before.activities.count + 2)
            #expect(after.activities.last?.title == "院士专家校园行（第十场）" && after.activities.last?.audience == Rational(300))

            // The digest read before is stale now.
            let (stale, _) = try await browser.post(app, Self.page, ["digest": digest, "remove[]": "0"])
            #expect(stale == .conflict)
            let (removed, answer) = try await browser.post(app, Self.page, ["digest": Self.digest(page), "remove[]": "0"])
            #expect(removed == .ok && answer.contains("删除 1 条"))
            #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)?.activities.count
                == before.activities.count + 1)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "activities.change").count() == 2)
        }
    }
}
}

/// 采购 and 资产 kept on their pages.
extension DatabaseTests {
@Suite struct ProcurementAndAssetPageTests {
    @Test func procurementsAreChangedAddedAndRemovedWithTheirDeadlineChecks() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let path = "/years/440112-KX/2022/procurements"
            var browser = Browser()
            _ = try await browser.signIn(app, username: "preparer")
            var digest = ""
            try await browser.get(app, path) { response in
                browser.keep(response)
                digest = ActivityPageTests.digest(response.body.string)
                #expect(response.body.string.contains("新增采购"))
            }
            // The contract signed 40 days after the award: the check beside it says so.
            var fields = ["digest": digest, "index": "0", "action": "save", "name": "科普大篷车展品更新", "line": "X02",
                          "amount": "568,500.00", "intentPublished": "2022-06-01", "started": "2022-07-15",
                          "awarded": "2022-08-22", "contractSigned": "2022/10/1", "contractPublished": "2022-10-03",
                          "contractFiled": "2022-10-09"]
            let (saved, page) = try await browser.post(app, path, fields)
            #expect(saved == .ok && page.contains("已保存") && page.contains("✗ 2022-08-22 → 2022-10-01"))
            // A line the year lacks is refused with the reader's words; the digest read before is stale after a save.
            fields["digest"] = ActivityPageTests.digest(page)
            fields["line"] = "X99"
            let (refused, problems) = try await browser.post(app, path, fields)
            #expect(refused == .unprocessableEntity && problems.contains("不是预算项目编码"))
            // Each check stands beside the date that closes it, in the form as typed too.
            #expect(problems.contains(#"<input type="date" name="contractSigned" value="2022-10-01" "#
                + #"aria-describedby="contractSigned-0-check"><span class="deadline severity-high" "#
                + #"id="contractSigned-0-check">✗ 2022-08-22 → 2022-10-01，用时 40 天，超过 30 天</span>"#))
            #expect(problems.contains(#"id="contractPublished-0-check">✓ 2022-10-01 → 2022-10-03"#))
            // The new procurement's empty dates carry the rules.
            #expect(problems.contains(#"id="contractFiled--1-check">应在签订后 7 个工作日内</span>"#))
            #expect(try await browser.post(app, path, ["digest": digest, "index": "0", "action": "delete"]).0 == .conflict)
            let (added, after) = try await browser.post(app, path, [
                "digest": ActivityPageTests.digest(page), "action": "save", "name": "院士工作站设备", "amount": "98000"])
            #expect(added == .ok)
            let year = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
            #expect(year.procurements.count == 2 && year.procurements[1].amount == Money(decimal: "98000", unit: .yuan))
            #expect(try await browser.post(app, path, ["digest": ActivityPageTests.digest(after), "index": "1",
                                                       "action": "delete"]).0 == .ok)
            #expect(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022)?.procurements.count == 1)
        }
    }

    @Test func assetsAreSavedWithTheirTotalChecked() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            let path = "/years/440112-KX/2022/assets"
            var browser = Browser()
            _ = try await browser.signIn(app, username: "preparer")
            var version = ""
            try await browser.get(app, path) { response in
                browser.keep(response)
                let page = response.body.string
                #expect(page.contains("181.66"))
                version = page.range(of: #"name="version" value=""#).map {
                    String(page[$0.upperBound...].prefix { $0 != "\"" })
                } ?? ""
            }
            var fields = ["version": version, "asOf": "2022-12-31", "current": "30,000.00", "nonCurrent": "1794388.40",
                          "total": "1816624.58"]
            // A declared total that misses its parts is kept and shown as not adding up (the findings say so too).
            let (mismatch, shown) = try await browser.post(app, path, fields)
            #expect(mismatch == .ok && shown.contains("（填报 181.66 万元，与两项之和 182.44 万元不一致）"))
            // The version read before is stale now; an amount that is no number is refused by name.
            #expect(try await browser.post(app, path, fields).0 == .conflict)
            fields["version"] = shown.range(of: #"name="version" value=""#).map {
                String(shown[$0.upperBound...].prefix { $0 != "\"" })
            } ?? ""
            fields["current"] = "三万"
            let (refused, problems) = try await browser.post(app, path, fields)
            #expect(refused == .unprocessableEntity && problems.contains("assets.current"))
            fields["current"] = "30,000.00"
            fields["total"] = ""
            let (saved, page) = try await browser.post(app, path, fields)
            #expect(saved == .ok && page.contains("已保存") && page.contains("182.44") && !page.contains("不一致）"))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "assets.update").count() == 2)
        }
    }
}
}
