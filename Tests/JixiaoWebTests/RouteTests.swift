import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

/// The pages and downloads through HTTP, as a browser uses them.
extension DatabaseTests {
@Suite struct RouteTests {
    @Test func healthAnswersWithoutSigningIn() async throws {
        try await TestStore.withApp { app in
            try await app.testing().test(.GET, "/healthz") { response in
                #expect(response.status == .ok)
                #expect(response.body.string == "ok")
            }
        }
    }

    @Test func pagesSendStrangersToSignIn() async throws {
        try await TestStore.withApp { app in
            try await app.testing().test(.GET, "/years/440112-KX/2022") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/login?next=%2Fyears%2F440112%2DKX%2F2022")
            }
        }
    }

    @Test func signingInOpensTheOverview() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            #expect(try await browser.signIn(app, username: "preparer") == .seeOther)
            try await browser.get(app, "/") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("/years/440112-KX/2022"))
                #expect(response.body.string.contains(#"<td class="number">98.99%</td><td class="number">97.90 优</td><td class="number">17</td>"#))
                #expect(!response.body.string.contains("420000-WJ-DEMO"))
            }
            try await browser.get(app, "/years/440112-KX/2022") { response in
                #expect(response.status == .ok)
                for figure in [#"id="adjusted">864.40"#, #"id="executed">855.63"#, #"id="rate">98.99%"#,
                               #"id="total">97.90（优）"#, #"id="supported">96.58（自评高出 1.32）"#,
                               "发现的问题：待整改 17 个，提示 2 个"] {
                    #expect(response.body.string.contains(figure), "missing \(figure)")
                }
                #expect(response.headers.first(name: "Content-Security-Policy") != nil)
            }
        }
    }

    @Test func wrongPasswordsAndMissingTokensAreRefused() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            #expect(try await browser.signIn(app, username: "preparer", password: "wrong password") == .unauthorized)
            try await app.testing().test(.POST, "/login", headers: browser.headers, beforeRequest: { request in
                try request.content.encode(["username": "preparer", "password": TestStore.password],
                                           as: .urlEncodedForm)
            }, afterResponse: { response in
                #expect(response.status == .forbidden)
            })
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "reviewer")
            try await browser.get(app, "/") { browser.keep($0) }
            try await app.testing().test(.POST, "/logout", headers: browser.headers, beforeRequest: { request in
                try request.content.encode(["_csrf": browser.csrf], as: .urlEncodedForm)
            }, afterResponse: { response in
                #expect(response.status == .seeOther)
            })
            try await browser.get(app, "/") { response in #expect(response.status == .seeOther) }
        }
    }

    @Test func reportsDownloadInEveryFormat() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "head")
            let base = "/years/440112-KX/2022/report."
            try await browser.get(app, base + "docx") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
                #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename*=UTF-8''") == true)
            }
            try await browser.get(app, base + "xlsx") { response in #expect(response.status == .ok) }
            try await browser.get(app, base + "html") { response in
                #expect(response.body.string.contains("完成预算的 99%"))
            }
            try await browser.get(app, base + "json") { response in
                #expect(response.body.string.contains(#""format": "jixiao/bundle@1""#))
            }
            try await browser.get(app, base + "exe") { response in #expect(response.status == .notFound) }
        }
    }

    @Test func theEvaluationPageShowsHowEachScoreWasReached() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "auditor")
            try await browser.get(app, "/years/440112-KX/2022/evaluation") { response in
                let page = response.body.string
                #expect(response.status == .ok)
                #expect(page.contains("自评得分：97.90（优）"))
                #expect(page.contains("W × min(A/T, 1) = 10 × min(47/40, 1) = 10.00"))
                #expect(page.contains("计入的 47 条活动记录"))
                #expect(page.contains("W × min(执行数/全年预算数, 1) = 10 × min(8556300.00/8644000.00, 1) = 9.90"))
            }
            try await browser.get(app, "/years/420000-WJ-DEMO/2023/evaluation") { response in
                #expect(response.body.string.contains("人工评分理由：两家卫生院设备延期投入使用"))
            }
        }
    }

    @Test func theIndicatorTreeShowsTheTargetChecksBesideEachTarget() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "preparer")
            try await browser.get(app, "/years/440112-KX/2022/indicators") { response in
                let page = response.body.string
                #expect(page.contains("<h2>产出指标（分值 50）</h2>"))
                #expect(page.contains("指标“科普设施建设”（i4）列在“数量指标”下，应设定数值目标"))
                #expect(page.contains("以“期”计数，衡量的是产出数量"))
                #expect(page.components(separatedBy: "✓ 明确").count - 1 == 8)
            }
        }
    }

    @Test func sessionsEndAfterTheirLifetime() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "admin")
            try await browser.get(app, "/") { response in #expect(response.status == .ok) }
            // Age every stored session past its lifetime, as if eight hours had gone by.
            for record in try await SessionRecord.query(on: app.db).all() {
                record.data["issued"] = String(Date().timeIntervalSince1970 - 8 * 60 * 60 - 1)
                try await record.save(on: app.db)
            }
            try await browser.get(app, "/") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true)
            }
        }
    }

    @Test func theOverviewMonitorsOnTheChosenDateWithCharts() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "head")
            try await browser.get(app, "/years/440112-KX/2022?asOf=2022-06-30") { response in
                let page = response.body.string
                #expect(page.contains("截至 2022 年 6 月 30 日，序时进度 49.59%，预算执行率 33.43%；按目前进度全年执行率预计约 76.40%"))
                // Each warning links to the records behind it.
                #expect(page.contains(#"<a href="/years/440112-KX/2022/payments?line=X01">“科普活动经费”（X01）截至 2022-06-30 执行 13.30%"#))
                #expect(page.contains(#"<a href="/years/440112-KX/2022/indicators#indicator-i5">指标“科普活动受众人次”"#))
                #expect(page.components(separatedBy: "<svg ").count - 1 == 3)
                #expect(page.contains("截至 2022-06-30，共 10 项任务：已完成 1 项，逾期 0 项"))
            }
            try await browser.get(app, "/years/440112-KX/2022?asOf=2022-07-15") { response in
                #expect(response.body.string.contains(
                    #"【已逾期】<a href="/years/440112-KX/2022/workplan#task-t3">科普大篷车展品更新：需求论证和采购</a>"#))
            }
            // A date that is none, or outside the year, is said to be wrong — not silently the year's end.
            try await browser.get(app, "/years/440112-KX/2022?asOf=2022-13-40") { response in
                #expect(response.status == .unprocessableEntity && response.body.string.contains("不是有效日期")
                    && response.body.string.contains("<!DOCTYPE html>"))
            }
            try await browser.get(app, "/api/v1/years/440112-KX/2022/monitoring?asOf=2023-01-05") { response in
                #expect(response.status == .unprocessableEntity && response.body.string.contains("不在 2022 年度内"))
            }
            try await browser.get(app, "/years/440112-KX/2022") { response in
                let page = response.body.string
                #expect(page.contains("截至 2022 年 12 月 31 日，序时进度 100.00%"))
                // The year's one unfinished task shows as overdue on the overview.
                #expect(page.contains(#"【已逾期】<a href="/years/440112-KX/2022/workplan#task-t7">少年科学院系列科普课程开发</a>"#))
            }
        }
    }

    @Test func theMonitoringPageShowsTheTableTheWarningsAndTheDownloads() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "head")
            try await browser.get(app, "/years/440112-KX/2022/monitoring?asOf=2022-06-30") { response in
                let page = response.body.string
                #expect(response.status == .ok)
                for figure in [#"id="time-progress">49.59%"#, #"id="rate-so-far">33.43%"#, #"id="projected-rate">76.40%"#,
                               #"id="projected-total">85.42（良）"#, #"id="points-at-risk">2.36"#, "预警（11）",
                               "<caption>一、预算执行情况</caption>", "<caption>三、重点工作任务推进情况</caption>",
                               "原因：经费保障；措施：7 月底前完成采购需求和意向公开",
                               #"href="/years/440112-KX/2022/monitoring/table.docx?asOf=2022-06-30&amp;rules=time-proportional""#] {
                    #expect(page.contains(figure), "missing \(figure)")
                }
                #expect(page.components(separatedBy: "<svg ").count - 1 == 2)
            }
            try await browser.get(app, "/years/440112-KX/2022/monitoring?asOf=2022-06-30&rules=sichuan-2025") { response in
                #expect(response.body.string.contains("截至 4 月末累计执行"))
                #expect(response.body.string.contains(#"<option value="sichuan-2025" selected="selected">"#))
            }
            try await browser.get(app, "/years/440112-KX/2022/monitoring/table.docx?asOf=2022-06-30") { response in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentDisposition)?.contains("attachment") == true)
                #expect(response.body.readableBytes > 5_000)
            }
            try await browser.get(app, "/years/440112-KX/2022/monitoring/table.md?asOf=2022-06-30") { response in
                #expect(response.body.string.contains("2022年度绩效运行监控表（截至 6 月）"))
            }
            try await browser.get(app, "/years/440112-KX/2022/monitoring/report.md") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theWorkPlanPageRollsUpTasksAndAnchorsEachOne() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "preparer")
            try await browser.get(app, "/years/440112-KX/2022/workplan?asOf=2022-07-15") { response in
                let page = response.body.string
                #expect(page.contains("共 10 项任务：已完成 1 项，逾期 1 项"))
                #expect(page.contains(#"<tr id="task-t3">"#) && page.contains("已逾期（15 天）"))
                #expect(page.contains(#"href="/years/440112-KX/2022/indicators#indicator-i4">科普设施建设</a>"#))
                #expect(page.contains(#"href="/years/440112-KX/2022/payments?line=X02">X02</a>"#))
                #expect(page.contains("X02 10月 23.20"))
                #expect(page.contains("<td>4. 办好全国科普日等品牌活动"))
                #expect(page.components(separatedBy: "<svg ").count - 1 == 1)
            }
            try await browser.get(app, "/years/420000-WJ-DEMO/2023/workplan") { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func indicatorProgressIsReportedCheckedAndMonitored() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "preparer")
            let path = "/years/440112-KX/2022/indicators/i6/progress"
            try await browser.get(app, path) { response in
                browser.keep(response)
                #expect(response.body.string.contains("<td>2022-06-30</td><td>75</td><td>90</td><td>有可能</td><td>人员保障</td>"))
            }
            // Not certain, without cause and remedy, and an actual that is not a number: every fault at once.
            let (refused, page) = try await browser.post(app, path, ["asOf": "2022-09-30", "actual": "八成",
                                                                     "likelihood": "impossible", "cause": "", "remedy": ""])
            #expect(refused == .unprocessableEntity)
            #expect(page.contains("请改正下面标出的 3 处后再保存。"))
            #expect(page.contains(#"<span class="field-error" id="actual-error">“八成”不是数字</span>"#))
            #expect(page.contains(#"id="cause-error">未填写"#) && page.contains(#"id="remedy-error">未填写"#))
            let (saved, _) = try await browser.post(app, path, ["asOf": "2022/9/30", "actual": "92", "projected": "98",
                                                                "likelihood": "certain"])
            #expect(saved == .seeOther)
            try await browser.get(app, "/years/440112-KX/2022/monitoring?asOf=2022-10-01") { response in
                #expect(!response.body.string.contains("指标“重点任务按期完成率”"))
            }
            try await browser.get(app, "/years/440112-KX/2022/indicators") { response in
                #expect(response.body.string.contains("截至 2022-09-30：92"))
            }
            let last = try await AuditEntryModel.query(on: app.db).sort(\.$sequence, .descending).first()
            #expect(last?.action == "indicator.progress" && last?.subject == "440112-KX/2022/i6")
            var auditor = Browser()
            try await auditor.signIn(app, username: "auditor")
            try await auditor.get(app, path) { auditor.keep($0) }
            #expect(try await auditor.post(app, path, ["asOf": "2022-09-30", "actual": "1"]).0 == .forbidden)
        }
    }

    @Test func tasksAreAddedChangedAndRemovedOnThePages() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "preparer")
            let base = "/years/440112-KX/2022/workplan/tasks"
            try await browser.get(app, base + "/new") { response in
                browser.keep(response)
                #expect(response.body.string.contains(#"name="id" id="id" value="t11""#))
            }
            // Every fault at once: the form's own (a share that is not a percentage) and the reader's.
            let (refused, page) = try await browser.post(app, base, [
                "id": "t1", "title": "", "start": "2022-09-01", "due": "2022-08-01", "status": "inProgress",
                "progress": "一半", "indicators[]": "i99"])
            #expect(refused == .unprocessableEntity)
            #expect(page.contains(#"id="progress-error">完成进度应是 0 到 100 之间的数（百分比）"#))
            #expect(page.contains(#"id="title-error">未填写"#) && page.contains(#"id="due-error">“2022-08-01”早于开始日期"#))
            #expect(page.contains(#"id="indicators-error">“i99”不是指标编号"#) && page.contains(#"id="id-error">“t1”与其他任务的编号重复"#))
            let (created, _) = try await browser.post(app, base, [
                "id": "t11", "keyTask": "2", "title": "科普展品巡展", "owner": "科普部", "start": "2023-01-01",
                "due": "2022/11/30", "status": "notStarted", "indicators[]": "i4", "lines[]": "X02"])
            #expect(created == .unprocessableEntity)  // the start is in the next year, after the due date
            var fields = ["id": "t11", "keyTask": "2", "title": "科普展品巡展", "owner": "科普部", "start": "2022/10/1",
                          "due": "2022/11/30", "status": "inProgress", "progress": "40", "indicators[]": "i4",
                          "lines[]": "X02", "plannedLine[]": "X02", "plannedMonth[]": "11", "plannedAmount[]": "一万"]
            let (badAmount, amountPage) = try await browser.post(app, base, fields)
            #expect(badAmount == .unprocessableEntity && amountPage.contains(#"id="plannedPayments-error">“一万”不是金额（元）"#))
            fields["plannedAmount[]"] = "10,000"
            let (saved, _) = try await browser.post(app, base, fields)
            #expect(saved == .seeOther)
            // X02's tasks now plan 590,000.00 against its 580,000.00.
            try await browser.get(app, "/years/440112-KX/2022/monitoring?asOf=2022-10-15") { response in
                #expect(response.body.string.contains("工作计划各任务从“科普大篷车展品更新”（X02）计划支付 59.00 万元，超过其全年预算数 58.00 万元。"))
            }
            try await browser.get(app, "/years/440112-KX/2022/workplan?asOf=2022-12-31") { response in
                #expect(response.body.string.contains(#"<tr id="task-t11">"#))
                #expect(response.body.string.contains("共 11 项任务：已完成 9 项，逾期 2 项"))
            }
            // The owner reports it finished: done, 100 %, on 5 December (late).
            try await browser.get(app, base + "/t11") { browser.keep($0) }
            let (updated, _) = try await browser.post(app, base + "/t11", [
                "version": "1", "keyTask": "2", "title": "科普展品巡展", "owner": "科普部", "start": "2022-10-01",
                "due": "2022-11-30", "status": "done", "progress": "100", "completed": "2022-12-05",
                "indicators[]": "i4", "lines[]": "X02"])
            #expect(updated == .seeOther)
            #expect(try await browser.post(app, base + "/t11", ["version": "1", "title": "x", "start": "2022-10-01",
                                                                 "due": "2022-11-30", "status": "done"]).0 == .conflict)
            try await browser.get(app, "/years/440112-KX/2022") { response in
                #expect(response.body.string.contains("任务“科普展品巡展”计划 2022-11-30 完成，实际 2022-12-05 完成，延期 5 天。"))
            }
            // t7 keeps its planned payments when changed on the page; t4's are kept too.
            try await browser.get(app, base + "/t4") { browser.keep($0) }
            let (kept, _) = try await browser.post(app, base + "/t4", [
                "version": "1", "keyTask": "2", "title": "科普大篷车展品制作、验收和付款", "owner": "办公室",
                "start": "2022-07-01", "due": "2022-10-31", "status": "done", "progress": "100",
                "completed": "2022-12-20", "indicators[]": "i4", "lines[]": "X02"])
            #expect(kept == .seeOther)
            try await browser.get(app, "/years/440112-KX/2022/workplan") { response in
                #expect(response.body.string.contains("X02 10月 23.20"))
            }
            #expect(try await browser.post(app, base + "/t11/delete", ["version": "2"]).0 == .seeOther)
            let last = try await AuditEntryModel.query(on: app.db).sort(\.$sequence, .descending).first()
            #expect(last?.action == "task.delete" && last?.subject == "440112-KX/2022/t11")
            var auditor = Browser()
            try await auditor.signIn(app, username: "auditor")
            try await auditor.get(app, base + "/new") { #expect($0.status == .forbidden) }
        }
    }

    @Test func theBureauComparesEveryDepartmentOnADate() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            // A second district's association in 2022 that paid nothing after March.
            var other = try BundleReader().read(Fixtures.seed)
            other.department = Department(code: "440113-KX", name: "另一区科学技术协会")
            other.payments = other.payments.filter { $0.date.month <= 3 }
            try await YearRepository(database: app.db).store(other, replacing: false, actor: "test")
            var reviewer = Browser()
            try await reviewer.signIn(app, username: "reviewer")
            try await reviewer.get(app, "/monitoring?year=2022&asOf=2022-06-30") { response in
                let page = response.body.string
                #expect(page.contains("截至 2022-06-30，序时进度 49.59%；2 个部门中，2 个执行率落后序时进度超过 10%，0 个有逾期任务。"))
                // Furthest behind first: 14.63 % paid against 49.59 %, then the seed's 33.43 %.
                let first = try #require(page.range(of: #"id="department-440113-KX""#))
                let second = try #require(page.range(of: #"id="department-440112-KX""#))
                #expect(first.lowerBound < second.lowerBound)
                #expect(page.contains("34.96 个百分点") && page.contains("16.16 个百分点"))
                // Due by the end of June: the three planned lines' 147.24 by their plans, the two unplanned lines'
                // 450.80 by 序时进度 (181/365) — never the plan of three lines against the whole budget.
                #expect(page.contains(#"<td class="number">370.79<span class="basis">3/5 个项目按月度计划，其余按序时进度</span></td>"#))
                #expect(page.contains(#"href="/years/440112-KX/2022/monitoring?asOf=2022-06-30""#))
            }
            try await reviewer.get(app, "/monitoring.csv?year=2022&asOf=2022-06-30") { response in
                let lines = response.body.string.split(separator: "\r\n")
                #expect(lines.count == 3 && lines[0].hasPrefix("\u{FEFF}部门编码,部门,全年预算数（元）"))
                #expect(lines[1] == "440113-KX,另一区科学技术协会,8644000.00,1264700.00,0.1463,0.4959,34.96,3707873.97,"
                    + "3/5 个项目按月度计划，其余按序时进度,10,0,"
                    + "目标：编制中；自评：编制中")
            }
            // Or every department's projects, each on its own lines.
            try await reviewer.get(app, "/monitoring?year=2022&asOf=2022-06-30&view=projects") { response in
                let page = response.body.string
                #expect(page.contains("2 个部门") == false && page.contains("6 个项目中"))
                #expect(page.contains(#"<tr id="project-440112-KX-P02">"#)
                    && page.contains(#"href="/years/440112-KX/2022/projects/P02">P02 科普大篷车展品更新</a>"#))
            }
            try await reviewer.get(app, "/monitoring.csv?year=2022&asOf=2022-06-30&view=projects") { response in
                let lines = response.body.string.split(separator: "\r\n")
                #expect(lines.count == 7 && lines[0].hasPrefix("\u{FEFF}部门编码,部门,项目编码,项目,实施单位,全年预算数（元）"))
                #expect(lines.contains { $0.hasPrefix("440112-KX,广州市黄埔区科学技术协会（广州开发区科学技术协会）,P02,科普大篷车展品更新,"
                    + "办公室,580000.00,0.00,0.0000,0.4959,49.59,") })
            }
            try await reviewer.get(app, "/monitoring?year=2022&asOf=2022-12-31") { response in
                #expect(response.body.string.contains("2 个有逾期任务"))
                #expect(response.body.string.contains(#"<td class="number severity-high">1 / 10</td>"#))
            }
            var preparer = Browser()
            try await preparer.signIn(app, username: "preparer")
            try await preparer.get(app, "/monitoring?year=2022&asOf=2022-06-30") { response in
                #expect(response.body.string.contains("1 个部门中") && !response.body.string.contains("440113-KX"))
            }
            try await preparer.get(app, "/monitoring?year=2022&asOf=2022-06-30&view=projects") { response in
                #expect(response.body.string.contains("3 个项目中") && !response.body.string.contains("440113-KX"))
            }
        }
    }

    @Test func recordPagesShowActivitiesDeadlinesAndAssets() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "reviewer")
            try await browser.get(app, "/years/440112-KX/2022/activities") { response in
                #expect(response.body.string.contains("本年度活动 47 场，受众合计 4480000 人次。"))
            }
            try await browser.get(app, "/years/420000-WJ-DEMO/2023/procurements") { response in
                let page = response.body.string
                #expect(page.contains("采购意向公开：✗ 2023-03-20 → 2023-04-06，仅提前 17 天，不足 30 天"))
                #expect(page.contains("合同公告：✓ 2023-03-20 → 2023-03-21，1 个工作日（不超过 2 个工作日）"))
            }
            try await browser.get(app, "/years/420000-WJ-DEMO/2023/assets") { response in
                #expect(response.body.string.contains("1600.75（填报 1610.75 万元，与两项之和 1600.75 万元不一致）"))
            }
        }
    }

    @Test func writtenSectionsReplaceTheDraftAndAreGuardedByVersion() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "preparer")
            let path = "/years/440112-KX/2022/narrative"
            try await browser.get(app, path) { response in
                browser.keep(response)
                #expect(response.body.string.contains("经对照数据逐项检查，本年度在绩效目标设定不明确"))
            }
            func save(_ version: String) async throws -> HTTPResponseStatus {
                var status = HTTPResponseStatus.ok
                try await app.testing().test(.POST, path, headers: browser.headers, beforeRequest: { request in
                    try request.content.encode(["_csrf": browser.csrf, "version": version,
                                                "problems": "年初目标不够具体，年中支付偏慢。"], as: .urlEncodedForm)
                }, afterResponse: { response in status = response.status })
                return status
            }
            #expect(try await save("1") == .ok)
            #expect(try await save("1") == .conflict)
            try await browser.get(app, "/years/440112-KX/2022/report.md") { response in
                #expect(response.body.string.contains("年初目标不够具体，年中支付偏慢。"))
            }
            let last = try await AuditEntryModel.query(on: app.db).filter(\.$action == "narrative.update")
                .sort(\.$sequence, .descending).first()
            #expect(last?.after.contains("年中支付偏慢") == true && last?.role == "preparer")
        }
    }

    @Test("the audit trail is for the auditors and the audit administrator", arguments: Role.allCases)
    func auditPage(role: Role) async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: role.rawValue)
            try await browser.get(app, "/audit") { response in
                let allowed = role.readsAuditTrail
                #expect(response.status == (allowed ? .ok : .forbidden))
                if allowed {
                    #expect(response.body.string.contains("审计日志完整：共"))
                    #expect(response.body.string.contains("user.add"))
                }
            }
        }
    }

    @Test func theAuditTrailIsFilteredByWhoWhatAndWhen() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            try await browser.signIn(app, username: "auditor")
            let today = ChinaDay.today
            try await browser.get(app, "/audit?actor=test&action=year.") { response in
                let page = response.body.string
                #expect(response.status == .ok && page.contains("year.import") && !page.contains("user.add")
                    && page.contains("下载筛选结果（CSV）"))
            }
            try await browser.get(app, "/audit.csv?action=user.add&from=\(today)&to=\(today)") { response in
                let lines = response.body.string.split(whereSeparator: \.isNewline)
                #expect(lines.count == 1 + Role.allCases.count && lines.dropFirst().allSatisfy { $0.contains("user.add") })
            }
            try await browser.get(app, "/audit.csv?from=2001-01-01&to=2001-01-31") { response in
                #expect(response.body.string.split(whereSeparator: \.isNewline).count == 1)
            }
            try await browser.get(app, "/audit?from=yesterday") { response in
                #expect(response.status == .unprocessableEntity && response.body.string.contains("YYYY-MM-DD"))
            }
        }
    }

    /// Each role × each page or download × own or other department: allowed (200) or refused (403).
    @Test("authorisation matrix", arguments: Role.allCases)
    func authorisationMatrix(role: Role) async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            #expect(try await browser.signIn(app, username: role.rawValue) == .seeOther)
            let routes = ["", "/evaluation", "/indicators", "/narrative", "/payments", "/lines", "/activities",
                          "/monitoring", "/monitoring/table.xlsx", "/workplan",
                          "/procurements", "/assets", "/report.html", "/report.docx", "/report.xlsx", "/report.json",
                          "/report.md"]
            for (department, year, own) in [("440112-KX", 2022, true), ("420000-WJ-DEMO", 2023, false)] {
                for route in routes {
                    let path = "/years/\(department)/\(year)\(route)"
                    let expected: HTTPResponseStatus = role.isAdministrator ? .forbidden
                        : own || !role.isDepartmental ? .ok : .forbidden
                    try await browser.get(app, path) { response in
                        #expect(response.status == expected, "\(role) \(path)")
                    }
                }
            }
        }
    }
}
}

/// Today in Beijing, as the audit filters take it.
enum ChinaDay {
    static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
