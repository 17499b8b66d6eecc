import JixiaoCore
import JixiaoFuzzing
import JixiaoIO
import JixiaoTestSupport
import Testing

/// Property tests over generated bundles with extreme numbers: whatever the reader accepts goes through evaluation,
/// findings, monitoring, the report and every renderer without a trap, scores stay between 0 and their weights, and
/// the bundle written back reads as the same year. The same years with numbers beyond the reader's ranges still
/// do not trap. (`scripts/fuzz.sh` runs the same generator for millions of cases.)
@Suite struct ExtremeNumberPropertyTests {
    @Test func generatedBundlesKeepTheirInvariants() {
        var accepted = 0
        for index in UInt64(0)..<2_000 {
            let outcome = Pipeline.run(ExtremeBundles.bundle(index), office: index % 100 == 0)
            if outcome.accepted { accepted += 1 }
            #expect(outcome.violations.isEmpty, "case \(index): \(outcome.violations)")
        }
        // Both sides of the ranges are exercised: a fair share is accepted, the rest refused by the reader.
        #expect(accepted > 100 && accepted < 1_900, "\(accepted) of 2,000 accepted")
    }

    @Test func numbersBeyondTheReadersRangesDoNotTrapTheEngines() throws {
        let seed = try BundleReader().read(Fixtures.seed)
        for index in UInt64(0)..<200 {
            let year = Pipeline.beyondTheReader(seed, seed: index)
            _ = Pipeline.exercise(year, office: index % 50 == 0)
            let evaluation = Evaluator.evaluate(year)
            #expect(evaluation.total >= .zero)
        }
    }

    /// The case that stopped the server: an indicator with target 10⁻²⁰ and actual 10²⁰, built past the reader.
    @Test func theRecordedCrashScoresFullMarks() throws {
        var year = try BundleReader().read(Fixtures.seed)
        year.indicators[0].targetText = "1e-20"
        year.indicators[0].actualText = "100000000000000000000"
        year.indicators[0].measure = nil
        let score = Evaluator.evaluate(year).indicators[0]
        #expect(score.score == year.template.rounding.apply(year.indicators[0].weight))
        #expect(Pipeline.exercise(year, office: true).isEmpty)
    }
}
