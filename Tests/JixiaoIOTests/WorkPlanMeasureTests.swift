import Foundation
import JixiaoCore
import JixiaoTestSupport
import Testing
@testable import JixiaoIO

/// 重点任务按期完成率 computed from the work plan instead of typed: the measure read and written by the bundle and
/// the workbook, scored, and refused when its aggregate does not fit what it reads.
@Suite struct WorkPlanMeasureTests {
    /// The seed with i6 (重点任务按期完成率) measured by `measure` instead of its typed 100 %.
    private func seed(measure: JSONValue) throws -> JSONValue {
        let bundle = try Fixtures.seedJSON()
        guard case .array(var indicators)? = bundle["indicators"],
              let index = indicators.firstIndex(where: { $0["id"] == .string("i6") }) else { return bundle }
        indicators[index] = indicators[index].removing("actual").setting("measure", to: measure)
        return bundle.setting("indicators", to: .array(indicators))
    }

    private func read(_ bundle: JSONValue) throws -> DepartmentYear {
        try BundleReader().decode(Data(bundle.serialized().utf8), file: "measured.json")
    }

    @Test func theOnTimeRateIsComputedFromThePlanAndNoLongerContradicted() throws {
        let year = try read(try seed(measure: .object(["from": .string("workPlan"), "aggregate": .string("onTimeRate")])))
        let index = try #require(year.indicators.firstIndex { $0.id == "i6" })
        #expect(year.indicators[index].measure == Measure(aggregate: .onTimeRate))
        let evaluation = Evaluator.evaluate(year)
        // 7 of the plan's 10 tasks on time against a 95 % target: 70/95 of the weight.
        #expect(evaluation.indicators[index].actual == Rational(70))
        #expect(evaluation.indicators[index].score < evaluation.indicators[index].weight)
        #expect(!FindingsEngine.findings(year, evaluation: evaluation).contains { $0.code == "SELF_SCORE_CONTRADICTED" })
        // Written back and read again unchanged; the JSON names the tasks that counted.
        #expect(try read(BundleWriter.encode(year)) == year)
        let json = EvaluationJSON.encode(year, evaluation, findings: []).serialized()
        #expect(json.contains(#""workPlan[0]""#))
        // Through the workbook: the 自动计算 column's 按期完成率.
        #expect(try WorkbookImport().decode(try WorkbookExport.workbook(year), file: "measured.xlsx") == year)
    }

    @Test func anAggregateMustFitWhatItReads() throws {
        let error = try #require(throws: InputError.self) {
            try read(try seed(measure: .object(["from": .string("activities"), "aggregate": .string("onTimeRate")])))
        }
        #expect(error.issues.contains { $0.path.hasSuffix(".measure.aggregate") && $0.chinese.contains("不适用于 activities") })
        let unknown = try #require(throws: InputError.self) {
            try read(try seed(measure: .object(["from": .string("payments"), "aggregate": .string("count")])))
        }
        #expect(unknown.issues.contains { $0.path.hasSuffix(".measure.from") })
    }
}
