import Foundation
import JixiaoStore
import JixiaoWeb
import Testing

extension DatabaseTests {
    /// `serve --demo --database FILE` started again on the same file.
    @Suite struct DemoDataTests {
        @Test func aReusedDemoStoreKeepsItsYearsAndTheirReview() async throws {
            try await TestStore.withApp { app in
                let (accounts, first) = try await DemoData.load(on: app.db, cost: 4)
                let reviews = ReviewRepository(database: app.db)
                let before = try await reviews.statuses(code: "420000-WJ-DEMO", year: 2023)
                #expect(before[.selfEvaluation]?.state == .departmentApproved)

                // The neighbour's self-evaluation is approved by its head, so its year cannot be replaced: a second
                // start must keep it rather than fail.
                let (again, second) = try await DemoData.load(on: app.db, cost: 4)
                #expect(again.map(\.username) == accounts.map(\.username))
                #expect(second != first)
                #expect(try await reviews.statuses(code: "420000-WJ-DEMO", year: 2023)[.selfEvaluation]?.state
                        == .departmentApproved)
                #expect(try await YearRepository(database: app.db).listed(year: 2022).map(\.code).contains("440112-KX"))
                let users = UserRepository(database: app.db, cost: 4)
                guard case .valid = try await users.checkPassword(username: "reviewer", password: second) else {
                    Issue.record("the demo's reviewer does not sign in with the second start's password")
                    return
                }
            }
        }
    }
}
