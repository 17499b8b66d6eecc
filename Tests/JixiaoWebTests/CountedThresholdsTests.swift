import JixiaoCore
@testable import JixiaoStore
import JixiaoTestSupport
import Testing

extension DatabaseTests {
    /// Findings counts in the snapshots are made by the thresholds in force: a store evaluates its years again once
    /// when the bureau's thresholds change, never when they have not.
    @Suite struct CountedThresholdsTests {
        @Test func storedYearsAreEvaluatedAgainOnceTheThresholdsChange() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                // Snapshots made before the setting existed were counted by the defaults.
                #expect(try await CountedThresholds.keep(FindingThresholds(), on: app.db) == 0)
                var strict = FindingThresholds()
                strict.minimumExecutionRate = Rational(99, 100)
                #expect(try await CountedThresholds.keep(strict, on: app.db) == 2)
                #expect(try await CountedThresholds.keep(strict, on: app.db) == 0)
                #expect(try await CountedThresholds.keep(FindingThresholds(), on: app.db) == 2)
            }
        }
    }
}
