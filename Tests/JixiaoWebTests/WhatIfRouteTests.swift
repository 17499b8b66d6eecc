import Foundation
import JixiaoCore
import JixiaoIO
@testable import JixiaoStore
import JixiaoTestSupport
@testable import JixiaoWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// 规则试算 on the web and in the store: every department re-scored from its snapshot's inputs equals a direct
    /// evaluation of its stored year under the rules tried; the page and CSV show who changes; nothing stored moves.
    @Suite struct WhatIfRouteTests {
        @Test func theBureauTriesOtherRulesOnEveryDepartmentWithoutChangingAny() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var slow = try BundleReader().read(Fixtures.seed)
                slow.department = Department(code: "440113-KX", name: "另一区科学技术协会")
                slow.payments = slow.payments.filter { $0.date.month <= 3 }
                try await YearRepository(database: app.db).store(slow, replacing: false, actor: "test")
                let rules = WhatIf.Rules.overrides(TemplateOverrides(rounding: Rounding(mode: .truncate, places: 1),
                                                                     budgetWeight: Rational(20),
                                                                     levelWeights: ["产出指标": Rational(40)]))
                let outcomes = try await ProvinceWhatIf(database: app.db).outcomes(year: 2022, rules: rules)
                #expect(outcomes.map(\.code) == ["440112-KX", "440113-KX"])
                for outcome in outcomes {
                    let year = try #require(try await YearRepository(database: app.db).load(code: outcome.code, year: 2022))
                    var scaled = year
                    scaled.indicators = year.indicators.map { $0.level1 == "产出指标" ? $0.scaled(by: Rational(4, 5)) : $0 }
                    var overrides = TemplateOverrides(rounding: Rounding(mode: .truncate, places: 1), budgetWeight: Rational(20))
                    overrides.levelWeights = ["产出指标": Rational(40)]
                    let direct = Evaluator.evaluate(scaled, template: year.template.applying(overrides))
                    #expect(outcome.before == Evaluator.evaluate(year).total)
                    #expect(outcome.after == direct.total && outcome.gradeAfter == direct.grade)
                }
                let stored = try await DepartmentComparison(database: app.db).rows(year: 2022)

                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                try await reviewer.get(app, "/compare?year=2022") { response in
                    #expect(response.body.string.contains(#"<a href="/compare/what-if?year=2022">规则试算</a>"#))
                }
                try await reviewer.get(app, "/compare/what-if?year=2022") { response in
                    let page = response.body.string
                    #expect(response.status == .ok && page.contains("<h1>规则试算</h1>") && !page.contains("what-if-summary"))
                }
                try await reviewer.get(app, "/compare/what-if?year=2022&rounding=truncate&places=1&budgetWeight=20") { response in
                    // 20 for the budget on the national framework leaves 110 points: no department can be scored.
                    let page = response.body.string
                    #expect(page.contains("2 个部门中 0 个得分变化，0 个等级变化；2 个部门不适用试算规则。"))
                    #expect(page.contains("试算规则下各级权重与预算执行权重合计 110，应为 100"))
                }
                try await reviewer.get(app, "/compare/what-if?year=2022&base=hubei-project-2020") { response in
                    let page = response.body.string
                    #expect(page.contains(#"id="what-if-summary""#) && page.contains("2 个部门中 2 个得分变化"))
                    #expect(page.contains(#"id="department-440113-KX""#) && page.contains("指标权重按比例调整：产出指标 50→40 分"))
                    #expect(page.contains("/compare/what-if.csv?year=2022&amp;base=hubei%2Dproject%2D2020"))
                }
                try await reviewer.get(app, "/compare/what-if.csv?year=2022&base=hubei-project-2020") { response in
                    let lines = response.body.string.split(separator: "\r\n")
                    #expect(response.status == .ok && lines.count == 3)
                    #expect(lines[0] == "\u{FEFF}部门编码,部门,现得分,现等级,试算得分,试算等级,分数变化,等级变化,说明")
                    #expect(lines[1].hasPrefix("440112-KX,广州市黄埔区科学技术协会（广州开发区科学技术协会）,97.90,优,"))
                }
                try await reviewer.get(app, "/compare/what-if?year=2022&budgetWeight=%E4%BA%8C%E5%8D%81") { response in
                    // “二十” is no number: the problem is listed, nothing is scored.
                    let page = response.body.string
                    #expect(response.status == .ok && page.contains(#"id="problems""#) && page.contains("budget.weight")
                        && !page.contains("what-if-summary"))
                }
                // Nothing stored changed; a department's people and the administrator are not let in.
                #expect(try await DepartmentComparison(database: app.db).rows(year: 2022) == stored)
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, "/compare/what-if?year=2022&rounding=truncate") { #expect($0.status == .forbidden) }
                var admin = Browser()
                try await admin.signIn(app, username: "admin")
                try await admin.get(app, "/compare/what-if.csv?year=2022&rounding=truncate") { #expect($0.status == .forbidden) }
            }
        }

        /// A store made before snapshots kept their inputs gets them from its stored years.
        @Test func theMigrationGivesStoredSnapshotsTheirInputs() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                let rules = WhatIf.Rules.overrides(TemplateOverrides(rounding: Rounding(mode: .integer, places: 0)))
                let before = try await ProvinceWhatIf(database: app.db).outcomes(year: 2022, rules: rules)
                // On one connection: an in-memory SQLite store's other connections may hold the schema before the drop.
                try await app.db.transaction { database in
                    try await AddScoringInputs().revert(on: database)
                    try await AddScoringInputs().prepare(on: database)
                }
                let after = try await ProvinceWhatIf(database: app.db).outcomes(year: 2022, rules: rules)
                #expect(after == before && after.count == 1 && after[0].afterText == "98" && after[0].problem == nil)
            }
        }

        /// The same through the JSON API: the comparison of a year, and a what-if with its rules in the body.
        @Test func theComparisonAndTheWhatIfAreInTheAPI() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                let token = try await reviewer.apiToken(app)
                let (status, comparison) = try await reviewer.api(app, .GET, "/api/v1/comparison?year=2022")
                #expect(status == .ok && comparison?["year"] == .number("2022"))
                guard case .array(let departments)? = comparison?["departments"] else { Issue.record("no departments"); return }
                #expect(departments.count == 1 && departments[0]["total"] == .string("97.90")
                    && departments[0]["rate"] == .string("0.9899") && departments[0]["recheck"] == .null)

                let rules: JSONValue = .object(["budget": .object(["weight": .string("20")]),
                                                "levels": .object(["产出指标": .string("40")])])
                let (tried, outcome) = try await reviewer.api(app, .POST, "/api/v1/what-if",
                                                              body: .object(["year": .number("2022"), "rules": rules]),
                                                              token: token)
                #expect(tried == .ok && outcome?["summary"]?["changedScore"] == .number("1"))
                guard case .array(let rows)? = outcome?["departments"] else { Issue.record("no rows"); return }
                #expect(rows.first?["after"] == .string("97.80") && rows.first?["change"] == .string("-0.10")
                    && rows.first?["rescaledLevels"] == .array([.string("产出指标 50→40 分")]))
                let (wrong, issues) = try await reviewer.api(app, .POST, "/api/v1/what-if",
                                                             body: .object(["year": .number("2022"),
                                                                            "rules": .object(["reverse": .string("up")])]),
                                                             token: token)
                #expect(wrong == .unprocessableEntity && issues?["issues"]?.serialized().contains("reverse") == true)
                #expect(try await reviewer.api(app, .POST, "/api/v1/what-if", body: .object(["rules": rules]),
                                               token: token).0 == .unprocessableEntity)
                #expect(try await reviewer.api(app, .POST, "/api/v1/what-if",
                                               body: .object(["year": .number("2022"), "rules": rules])).0 == .forbidden)
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                let own = try await preparer.apiToken(app)
                #expect(try await preparer.api(app, .POST, "/api/v1/what-if",
                                               body: .object(["year": .number("2022"), "rules": rules]), token: own).0 == .forbidden)
            }
        }
    }
}

