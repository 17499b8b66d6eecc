import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
import SQLKit
import Testing
import VaporTesting

extension DatabaseTests {
    /// A year's pages read it once per revision: what was read is used again until a change gives the year a new
    /// revision, and the department's name (the bureau's 单位名录 changes it apart from the year) is part of what it
    /// is kept by.
    @Suite struct YearCacheTests {
        static let page = "/years/440112-KX/2022/evaluation"

        @Test func aPageReadsTheYearOncePerRevisionAndEveryChangeIsSeenAtOnce() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, Self.page) { #expect($0.body.string.contains("院士专家校园行场次")) }

                // Written past the change path, as nothing in the program writes: the year kept is still the one shown.
                let sql = app.db as! any SQLDatabase
                try await sql.raw("""
                    UPDATE records SET title = REPLACE(title, '院士专家校园行', '院士专家进社区') \
                    WHERE kind = 'indicator'
                    """).run()
                try await preparer.get(app, Self.page) { #expect($0.body.string.contains("院士专家校园行场次")) }

                // Any change through the change path gives the year a new revision, and the next page reads it afresh.
                let years = YearRepository(database: app.db)
                let organisation = try #require(try await years.organisation(code: "440112-KX"))
                let fiscal = try #require(try await years.fiscalYear(organisationID: organisation.id, year: 2022))
                try await years.updateNarrative([.problems: "目标不够具体。"], fiscal: fiscal, version: fiscal.version,
                                                subject: "440112-KX/2022", actor: "test")
                try await preparer.get(app, Self.page) { response in
                    #expect(response.body.string.contains("院士专家进社区场次")
                        && !response.body.string.contains("院士专家校园行场次"))
                }

                // A new name from the 单位名录 shows at once, though the year itself did not change.
                try await sql.raw("UPDATE organisations SET name = '黄埔区科协（更名）' WHERE code = '440112-KX'").run()
                try await preparer.get(app, Self.page) { #expect($0.body.string.contains("黄埔区科协（更名）")) }
            }
        }

        /// 文字雷同 is worked out once per generation of the year's text in the province: a copy's passages removed past
        /// the change path still show, a new name from the 单位名录 shows at once, and a rewritten text through the
        /// change path takes the pair away.
        @Test func sharedTextIsWorkedOutOncePerGenerationOfTheProvincesText() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let repository = YearRepository(database: app.db)
                var copy = try await TestStore.storeCopyOfSeed(app)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                let page = "/years/440112-KX/2022"
                try await reviewer.get(app, page) { #expect($0.body.string.contains("另一区科学技术协会（440113-KX）")) }

                _ = try await Directory(database: app.db).apply(
                    [DirectoryCSV.Entry(code: "440113-KX", name: "另一区科协", attributes: OrganisationAttributes())],
                    actor: "test")
                try await reviewer.get(app, page) { response in
                    #expect(response.body.string.contains("另一区科协（440113-KX）")
                        && !response.body.string.contains("另一区科学技术协会（440113-KX）"))
                }

                let sql = app.db as! any SQLDatabase
                try await sql.raw("""
                    DELETE FROM passage_bands WHERE organisation_id = \
                    (SELECT id FROM organisations WHERE code = '440113-KX')
                    """).run()
                try await reviewer.get(app, page) { #expect($0.body.string.contains("另一区科协（440113-KX）")) }

                copy.department.name = "另一区科协"
                copy.narrative = copy.narrative.mapValues { _ in "本会今年的工作另行总结。" }
                try await repository.store(copy, replacing: true, actor: "test")
                try await reviewer.get(app, page) { #expect(!$0.body.string.contains("（440113-KX）")) }
            }
        }

        /// The overview is worked out once for what it is made from: another date, or a change through the change
        /// path, gives another overview at once.
        @Test func anOverviewIsWorkedOutAgainWhenWhatItIsMadeFromChanges() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var head = Browser()
                try await head.signIn(app, username: "head")
                let june = "/years/440112-KX/2022?asOf=2022-06-30"
                let before = "截至 2022 年 6 月 30 日，序时进度 49.59%，预算执行率 33.43%"
                try await head.get(app, june) { #expect($0.body.string.contains(before)) }
                try await head.get(app, "/years/440112-KX/2022?asOf=2022-07-15") { response in
                    #expect(response.body.string.contains("截至 2022 年 7 月 15 日") && !response.body.string.contains(before))
                }
                try await head.get(app, june) { #expect($0.body.string.contains(before)) }
                let yearID = try #require(try await YearRows.FiscalRow.find(code: "440112-KX", year: 2022, on: app.db)).id
                try await PaymentRepository(database: app.db).create(
                    Payment(line: "X01", date: CivilDate(year: 2022, month: 3, day: 1)!, amount: Money(fen: 100_000_00)),
                    yearID: yearID, subject: "t", actor: "t")
                try await head.get(app, june) { response in
                    #expect(response.body.string.contains("截至 2022 年 6 月 30 日，序时进度 49.59%")
                        && !response.body.string.contains(before))
                }
            }
        }

        @Test func theCacheHoldsTheMostRecentlyUsedYearsAtTheirRevision() throws {
            let year = try BundleReader().read(Fixtures.seed)
            let cache = KeptCache<UUID, YearCache.Key, YearCache.Kept>(capacity: 2)
            func kept(_ key: YearCache.Key) -> YearCache.Kept? { cache.value(for: key.yearID, at: key) }
            let keys = (0..<3).map { _ in YearCache.Key(yearID: UUID(), revision: "r1", name: "n") }
            cache.keep(.init(year: year), for: keys[0].yearID, at: keys[0])
            cache.keep(.init(year: year), for: keys[1].yearID, at: keys[1])
            #expect(kept(keys[0]) != nil)  // now the more recently used
            cache.keep(.init(year: year), for: keys[2].yearID, at: keys[2])
            #expect(kept(keys[0]) != nil && kept(keys[1]) == nil && kept(keys[2]) != nil)
            var later = keys[0]
            later.revision = "r2"
            #expect(kept(later) == nil)
            var renamed = keys[0]
            renamed.name = "m"
            #expect(kept(renamed) == nil)
        }
    }
}
