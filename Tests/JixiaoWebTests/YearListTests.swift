import JixiaoCore
import JixiaoStore
import JixiaoTestSupport
import Testing

extension DatabaseTests {
    /// The list of stored department-years is one query with the snapshots' figures, narrowed in SQL to a
    /// department or a year.
    @Suite struct YearListTests {
        @Test func theListCarriesTheSnapshotsAndNarrowsInSQL() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let repository = YearRepository(database: app.db)
                let all = try await repository.listed()
                #expect(all.map { "\($0.code)/\($0.year)" } == ["420000-WJ-DEMO/2023", "440112-KX/2022"])
                let seed = try #require(try await repository.listed(organisation: "440112-KX").first)
                #expect(seed.total == "97.90" && seed.grade == "优" && seed.rate == "0.9899" && seed.findings == 17
                    && seed.version >= 1)
                #expect(try await repository.listed(year: 2023).map(\.code) == ["420000-WJ-DEMO"])
                #expect(try await repository.listed(organisation: "").isEmpty)
            }
        }
    }
}
