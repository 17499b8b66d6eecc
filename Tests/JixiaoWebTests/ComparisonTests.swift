import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoOffice
@testable import JixiaoStore
import JixiaoTestSupport
@testable import JixiaoWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// 部门比较: the bureau ranks, filters and searches a year's departments from the evaluation snapshots, and takes
    /// them away as CSV; a department's people see their own row only.
    @Suite struct ComparisonTests {
        @Test func theBureauRanksFiltersAndSearchesTheDepartmentsOfAYear() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                // Two more associations in 2022: one that paid nothing after March, one without targets met.
                var slow = try BundleReader().read(Fixtures.seed)
                slow.department = Department(code: "440113-KX", name: "另一区科学技术协会")
                slow.payments = slow.payments.filter { $0.date.month <= 3 }
                var unmet = try BundleReader().read(Fixtures.seed)
                unmet.department = Department(code: "440114-KX", name: "第三区科学技术协会")
                for index in unmet.indicators.indices where unmet.indicators[index].actualText != nil {
                    unmet.indicators[index].actualText = "0"
                }
                for year in [slow, unmet] {
                    try await YearRepository(database: app.db).store(year, replacing: false, actor: "test")
                }
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/compare?year=2022") { response in
                    let page = response.body.string
                    #expect(response.status == .ok && page.contains("2022 年共 3 个部门；按自评得分从高到低排列。"))
                    // Highest self-score first: the seed's 97.90 above the slow payer, the unmet targets last.
                    let order = ["440112-KX", "440113-KX", "440114-KX"].compactMap { page.range(of: "id=\"department-\($0)\"") }
                    #expect(order.count == 3 && order[0].lowerBound < order[1].lowerBound && order[1].lowerBound < order[2].lowerBound)
                    #expect(page.contains(#"<td class="number">97.90</td><td>优</td>"#))
                    #expect(page.contains(#"<ul class="distribution" id="grades""#) && page.contains("<span class=\"label\">优</span>"))
                }
                try await reviewer.get(app, "/compare?year=2022&sort=rate&order=asc") { response in
                    let page = response.body.string
                    let slowest = try #require(page.range(of: #"id="department-440113-KX""#))
                    let seed = try #require(page.range(of: #"id="department-440112-KX""#))
                    #expect(slowest.lowerBound < seed.lowerBound && page.contains("按执行率从低到高排列"))
                }
                try await reviewer.get(app, "/compare?year=2022&grade=%E8%89%AF&q=%E5%8F%A6%E4%B8%80") { response in
                    // 良 (its budget score fell to 1.46) and “另一”: the slow payer alone.
                    let page = response.body.string
                    #expect(page.contains("符合条件的 1 个") && page.contains("另一区科学技术协会")
                        && !page.contains(#"id="department-440112-KX""#))
                }
                try await reviewer.get(app, "/compare.csv?year=2022&sort=findings") { response in
                    let lines = response.body.string.split(separator: "\r\n")
                    #expect(lines.count == 4 && lines[0].hasPrefix("\u{FEFF}名次,部门编码,部门,行政区划,归口处室,单位类型,全年预算数（元）,执行率,自评得分,等级"))
                    #expect(lines.contains { $0.hasPrefix("1,") })
                }
                // A department sees its own row; the system administrator none.
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, "/compare?year=2022") { response in
                    #expect(response.body.string.contains("2022 年共 1 个部门") && !response.body.string.contains("440113-KX"))
                }
                var admin = Browser()
                try await admin.signIn(app, username: "admin")
                try await admin.get(app, "/compare") { #expect($0.status == .forbidden) }
            }
        }

        /// The bureau's re-check beside the self-score: its re-scores laid over the stored scores, the grade that
        /// total earns, and the self-scores' spread over bands of points.
        @Test func theRecheckScoreAndGradeStandBesideTheSelfScore() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let organisation = try #require(try await YearRepository(database: app.db).organisation(code: "440112-KX"))
                for (item, score) in [("budget", "5"), ("i1", "0")] {
                    let rescore = RescoreModel()
                    rescore.$organisation.id = organisation.id
                    rescore.year = 2022
                    rescore.item = item
                    rescore.score = score
                    rescore.reason = "复核认定"
                    rescore.actor = "reviewer"
                    rescore.at = Date()
                    try await rescore.create(on: app.db)
                }
                let row = try #require(try await DepartmentComparison(database: app.db).rows(year: 2022).first)
                let year = try #require(try await YearRepository(database: app.db).load(code: "440112-KX", year: 2022))
                let evaluation = Evaluator.evaluate(year)
                let direct = Recheck(year: year, evaluation: evaluation,
                                     rescores: ["budget": .init(score: Rational(5), reason: "复核认定"),
                                                "i1": .init(score: .zero, reason: "复核认定")], threshold: .zero)
                #expect(row.recheck == direct.recheckTotal && row.recheckGrade == direct.recheckGrade)
                #expect(row.recheck != row.total && row.finalGrade == direct.recheckGrade)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/compare?year=2022") { response in
                    let page = response.body.string
                    let shown = Rounding(mode: .halfUp, places: 2).format(direct.recheckTotal)
                    #expect(page.contains("<th>复核得分</th><th>复核等级</th>") && page.contains("<td class=\"number\">\(shown)</td>"))
                    #expect(page.contains(#"<ul class="distribution" id="scores""#) && page.contains("<span class=\"label\">95–100 分</span>"))
                }
                try await reviewer.get(app, "/compare.csv?year=2022") { response in
                    let lines = response.body.string.split(separator: "\r\n")
                    #expect(lines[0].contains("等级,复核得分,复核等级,问题数"))
                    #expect(lines[1].contains(",97.90,优,\(Rounding(mode: .halfUp, places: 2).format(direct.recheckTotal)),\(direct.recheckGrade),"))
                }
            }
        }

        /// The bureau's 单位名录 sets each department's 行政区划, 归口处室 and 单位类型; the comparison filters by them.
        @Test func departmentsAreComparedLikeWithLike() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var other = try BundleReader().read(Fixtures.seed)
                other.department = Department(code: "440113-KX", name: "另一区科学技术协会")
                try await YearRepository(database: app.db).store(other, replacing: false, actor: "test")
                let list = "单位编码,单位名称,行政区划,归口处室,单位类型\n440112-KX,黄埔区科学技术协会,黄埔区,科教文处,群团组织\n"
                    + "440113-KX,另一区科学技术协会,另一区,科教文处,群团组织\n440199-XX,尚无数据的单位,黄埔区,农业处,行政单位\n"
                let outcome = try await Directory(database: app.db).apply(
                    try DirectoryCSV.read(Data(list.utf8), file: "名录.csv"), actor: "test")
                #expect(outcome == Directory.Outcome(updated: 2, added: 1))
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/compare?year=2022&region=%E9%BB%84%E5%9F%94%E5%8C%BA") { response in
                    let page = response.body.string
                    #expect(page.contains("2022 年共 2 个部门，符合条件的 1 个") && page.contains(#"id="department-440112-KX""#)
                        && !page.contains(#"id="department-440113-KX""#))
                    #expect(page.contains(#"<select name="region">"#) && page.contains("<small>黄埔区 · 科教文处 · 群团组织</small>"))
                }
                try await reviewer.get(app, "/compare.xlsx?year=2022&region=%E9%BB%84%E5%9F%94%E5%8C%BA") { response in
                    // The same rows as an Excel workbook: figures as numbers, codes as text.
                    let sheet = try #require(try SpreadsheetReader.read(Data(response.body.readableBytesView))
                        .sheet(named: "部门比较2022"))
                    #expect(response.status == .ok && sheet.rows.count == 2)
                    #expect(sheet[0, 0] == .text("名次") && sheet[1, 1] == .text("440112-KX") && sheet[1, 3] == .text("黄埔区"))
                    #expect(sheet[1, 6] == .number("8644000.00") && sheet[1, 8] == .number("97.90") && sheet[1, 9] == .text("优"))
                }
                try await reviewer.get(app, "/compare.csv?year=2022&group=%E7%A7%91%E6%95%99%E6%96%87%E5%A4%84") { response in
                    let lines = response.body.string.split(separator: "\r\n")
                    #expect(lines.count == 3 && lines[0].hasPrefix("\u{FEFF}名次,部门编码,部门,行政区划,归口处室,单位类型,"))
                    #expect(lines.contains { $0.contains(",440113-KX,另一区科学技术协会,另一区,科教文处,群团组织,") })
                }
            }
        }

        /// 近三年趋势: a department's years beside the medians of every department (and of its region) each year.
        @Test func aDepartmentsThreeYearsStandBesideTheMedians() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let years = YearRepository(database: app.db)
                let earlier = try String(contentsOf: Fixtures.seed, encoding: .utf8)
                    .replacingOccurrences(of: "\"2022-", with: "\"2021-").replacingOccurrences(of: "\"year\": 2022", with: "\"year\": 2021")
                try await years.store(try BundleReader().decode(Data(earlier.utf8)), replacing: false, actor: "test")
                var slow = try BundleReader().read(Fixtures.seed)
                slow.department = Department(code: "440113-KX", name: "另一区科学技术协会")
                slow.payments = slow.payments.filter { $0.date.month <= 3 }
                try await years.store(slow, replacing: false, actor: "test")
                _ = try await Directory(database: app.db).apply([
                    .init(code: "440112-KX", name: "黄埔区科学技术协会", attributes: .init(region: "黄埔区")),
                    .init(code: "440113-KX", name: "另一区科学技术协会", attributes: .init(region: "另一区")),
                ], actor: "test")
                let trend = try #require(try await DepartmentTrend(database: app.db).points(code: "440112-KX", through: 2022))
                #expect(trend.points.map(\.year) == [2020, 2021, 2022] && trend.region == "黄埔区")
                #expect(trend.points[0].total == nil && trend.points[0].departments == 0)
                let slowTotal = try #require(try await DepartmentComparison(database: app.db).rows(year: 2022)
                    .first { $0.code == "440113-KX" }?.total)
                let own = try #require(trend.points[2].total)
                #expect(trend.points[2].provinceTotal == (own + slowTotal) / Rational(2) && trend.points[2].departments == 2)
                #expect(trend.points[2].regionTotal == own && trend.points[1].provinceTotal == trend.points[1].total)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/compare?year=2022") { response in
                    #expect(response.body.string.contains(#"<a href="/compare/trend?code=440112%2DKX&amp;year=2022" class="trend">趋势</a>"#))
                }
                try await reviewer.get(app, "/compare/trend?code=440112-KX&year=2022") { response in
                    let page = response.body.string
                    #expect(response.status == .ok && page.contains("近 3 年绩效趋势") && page.contains("<th>黄埔区中位数</th>"))
                    #expect(page.contains(#"<tr id="year-2020"><td>2020 年</td><td class="number">—</td>"#))
                    #expect(page.contains("近 3 年自评得分与中位数对比") && page.contains("<svg"))
                }
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, "/compare/trend?code=440113-KX") { #expect($0.status == .forbidden) }
                try await preparer.get(app, "/compare/trend?code=440112-KX") { #expect($0.status == .ok) }
            }
        }

        /// 文字雷同: a department that copied another's report text is paired with it; the bureau sees both names,
        /// the department only its own.
        @Test func copiedReportTextIsFoundAcrossDepartments() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var copy = try BundleReader().read(Fixtures.seed)
                copy.department = Department(code: "440113-KX", name: "另一区科学技术协会", overview: "")
                try await YearRepository(database: app.db).store(copy, replacing: false, actor: "test")
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/compare/similar-text?year=2022") { response in
                    let page = response.body.string
                    #expect(response.status == .ok && page.contains("2022 年 2 个部门的"))
                    #expect(page.contains("<td class=\"number\">100%</td>") && page.contains("（一）履职效能分析第 1 段"))
                    #expect(page.contains(">另一区科学技术协会</a>"))
                }
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, "/compare/similar-text?year=2022") { response in
                    let page = response.body.string
                    #expect(page.contains("本部门有") && page.contains("其他部门（（一）履职效能分析第 1 段）")
                        && !page.contains("另一区科学技术协会"))
                }
            }
        }

        /// 文字雷同 as findings: the department sees its copied passages on its overview while it can still rewrite
        /// them (the other department unnamed), the bureau sees whom they match, each can be made a 整改 item, and
        /// they go when the text is rewritten; the fingerprints are back-filled for years stored before them.
        @Test func copiedPassagesAreFindingsOnTheOverviewUntilRewritten() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let repository = YearRepository(database: app.db)
                var copy = try await TestStore.storeCopyOfSeed(app)
                let own = try await PassageFingerprints(database: app.db).shared(code: "440112-KX", year: 2022)
                #expect(!own.pairs.isEmpty && !own.atLeast && own.pairs.allSatisfy { $0.second.code == "440113-KX" })

                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, "/years/440112-KX/2022") { response in
                    preparer.keep(response)
                    let page = response.body.string
                    #expect(page.contains("（一）履职效能分析第 1 段与 1 个其他部门的文字雷同（相似度最高 100%）"))
                    #expect(page.contains("另一部门（一）履职效能分析第 1 段") && !page.contains("另一区科学技术协会"))
                    #expect(page.contains(#"name="finding" value="TEXT_NEAR_DUPLICATE""#))
                }
                let fields = ["finding": "TEXT_NEAR_DUPLICATE", "subject": "narrative.performance[0]", "owner": "办公室",
                              "deadline": "2023-06-30"]
                #expect(try await preparer.post(app, "/years/440112-KX/2022/rectifications", fields).0 == .seeOther)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/years/440112-KX/2022") { response in
                    #expect(response.body.string.contains("另一区科学技术协会（440113-KX）（一）履职效能分析第 1 段，相似度 100%"))
                }
                // The reviewer weighs them on the review page the queue leads to, with the cross-checks.
                try await reviewer.get(app, "/years/440112-KX/2022/review") { response in
                    let page = response.body.string
                    #expect(page.contains("待整改的问题（") && page.contains("与 1 个其他部门的文字雷同")
                        && page.contains("无法考核"))
                }

                // Back-filled from the stored text, the fingerprints are the ones the change path kept.
                let before = try await PassageFingerprints(database: app.db).all(year: 2022)
                // Back through the migrations made since, and forward again.
                try await app.db.transaction { database in
                    let since: [any AsyncMigration] = [CreatePassages(), KeyByOrganisation()]
                    for migration in since.reversed() { try await migration.revert(on: database) }
                    for migration in since { try await migration.prepare(on: database) }
                }
                #expect(try await PassageFingerprints(database: app.db).all(year: 2022) == before && before.count > 10)

                // The other department rewrites its text: the overview no longer lists the passages.
                copy.narrative = copy.narrative.mapValues { _ in "本会今年的工作另行总结。" }
                try await repository.store(copy, replacing: true, actor: "test")
                try await preparer.get(app, "/years/440112-KX/2022") { response in
                    #expect(!response.body.string.contains("文字雷同（相似度"))
                }
            }
        }
    }
}

