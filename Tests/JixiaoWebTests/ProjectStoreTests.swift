import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import JixiaoTestSupport
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// A year's projects and its lines' funding sources kept by the store, and a line's source kept by its form.
    @Suite struct ProjectStoreTests {
        @Test func projectsAndFundingSourcesAreStoredAndReadBack() async throws {
            try await TestStore.withApp { app in
                var year = try BundleReader().read(Fixtures.seed)
                year.department = Department(code: "440199-PJ", name: "项目测试科协")
                year.budgetLines[4].source = .carryover
                year.projects = [
                    Project(code: "P02", name: "科普大篷车展品更新", owner: "科普部", lines: ["X02"], template: year.template,
                            goal: "年内完成展品更新", achieved: "已完成", indicators: [
                                Indicator(id: "p2-1", level1: "产出指标", level2: "数量指标", name: "更新展品件数",
                                          nature: .quantitative, direction: .atLeast, targetText: "20", unit: "件",
                                          weight: Rational(50), actualText: "20"),
                            ]),
                    Project(code: "P03", name: "院士工作站", lines: ["X03"], template: year.template),
                ]
                let repository = YearRepository(database: app.db)
                try await repository.store(year, replacing: false, actor: "test")
                let stored = try #require(try await repository.load(code: "440199-PJ", year: 2022))
                #expect(stored.projects == year.projects)
                #expect(stored.budgetLines.map(\.source) == year.budgetLines.map(\.source))
                #expect(stored == year)
            }
        }
    }
}
