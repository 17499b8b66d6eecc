import Foundation
import JixiaoCore
import JixiaoIO
import Testing

/// The bureau's thresholds file: each setting optional, every fault named by its key at once, the file found by
/// `JIXIAO_CHECKS`.
@Suite struct FindingChecksFileTests {
    @Test func settingsLeftOutKeepTheirDefaults() throws {
        let read = try FindingChecksFile.decode(Data("""
            {"format": "jixiao/checks@1", "minimumExecutionRate": "0.85", "signingDays": 20, "farBeyondTarget": "1.5",
             "onTimeRateTolerance": "2.5", "nearDuplicateSimilarity": "0.9"}
            """.utf8), file: "checks.json")
        var expected = FindingThresholds()
        expected.minimumExecutionRate = Rational(85, 100)
        expected.signingDays = 20
        expected.farBeyondTarget = Rational(3, 2)
        expected.onTimeRateTolerance = Rational(5, 2)
        expected.nearDuplicateSimilarity = Rational(9, 10)
        #expect(read == expected)
        #expect(try FindingChecksFile.decode(Data(#"{"format": "jixiao/checks@1"}"#.utf8), file: "c") == FindingThresholds())
    }

    @Test func everyFaultIsNamed() {
        let text = """
            {"format": "jixiao/checks@2", "maximumDecemberShare": "1.2", "planTolerance": "0", "intentLeadDays": -1,
             "farBeyondTarget": "0.8", "fullMarksMinimumIndicators": "五", "speed": 3}
            """
        #expect {
            try FindingChecksFile.decode(Data(text.utf8), file: "checks.json")
        } throws: { error in
            let paths = Set((error as? InputError)?.issues.map(\.path) ?? [])
            return paths == ["format", "maximumDecemberShare", "planTolerance", "intentLeadDays", "farBeyondTarget",
                             "fullMarksMinimumIndicators", "speed"]
        }
    }

    @Test func theFileIsFoundByTheEnvironment() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"format": "jixiao/checks@1", "fullMarksMinimumIndicators": 8}"#.utf8).write(to: file)
        #expect(try FindingChecksFile.configured(environment: ["JIXIAO_CHECKS": file.path]).fullMarksMinimumIndicators == 8)
        #expect(try FindingChecksFile.configured(environment: [:]) == FindingThresholds())
        #expect(throws: InputError.self) { try FindingChecksFile.configured(environment: ["JIXIAO_CHECKS": "/no/such/file"]) }
        #expect(FindingChecksFile.summary(FindingThresholds()).hasPrefix("minimumExecutionRate=0.9 "))
    }
}
