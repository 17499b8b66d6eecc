import Foundation
import JixiaoCore
import JixiaoTestSupport
import Testing
@testable import JixiaoIO

@Suite struct EvaluationJSONTests {
    @Test func theSeedEvaluationFollowsTheContract() throws {
        let year = try BundleReader().read(Fixtures.seed)
        let evaluation = Evaluator.evaluate(year)
        let json = EvaluationJSON.encode(year, evaluation, findings: FindingsEngine.findings(year, evaluation: evaluation))
        #expect(json["department"] == .string("广州市黄埔区科学技术协会（广州开发区科学技术协会）"))
        #expect(json["year"] == .number("2022"))
        #expect(json["template"] == .string("national-project-2020"))
        let budget = try #require(json["budget"])
        #expect(budget["adjusted"] == .string("8644000.00"))
        #expect(budget["executed"] == .string("8556300.00"))
        #expect(budget["rate"] == .string("0.9899"))
        #expect(budget["weight"] == .string("10"))
        #expect(budget["score"] == .string("9.90"))
        #expect(json["total"] == .string("97.90"))
        #expect(json["grade"] == .string("优"))
        guard case .array(let indicators)? = json["indicators"], case .array(let findings)? = json["findings"] else {
            Issue.record("indicators and findings must be arrays")
            return
        }
        #expect(indicators.count == 11)
        #expect(indicators[0]["actual"] == .string("47"))
        #expect(indicators[0]["method"] == .string("positive"))
        #expect(findings.compactMap { $0["code"] }.contains(.string("SPENDING_Q4_PILED")))
        #expect(findings.allSatisfy { $0["severity"] != nil && $0["message"] != nil })
    }
}
