import Foundation
import JixiaoCore
import Testing
@testable import JixiaoIO

@Suite struct TemplateCatalogTests {
    private func template(_ id: String) throws -> EvaluationTemplate {
        try #require(TemplateCatalog.builtIn.template(id: id))
    }

    @Test func theThreeBuiltInsLoad() {
        #expect(TemplateCatalog.builtIn.ids == ["department-overall-gd", "hubei-project-2020", "national-project-2020"])
    }

    @Test func nationalProjectTemplate() throws {
        let national = try template("national-project-2020")
        #expect(national.levels.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(national.levels.map(\.weight) == [Rational(50), Rational(30), Rational(10)])
        #expect(national.budget.weight == Rational(10))
        #expect(national.rounding == Rounding(mode: .halfUp, places: 2))
        #expect(national.reverse == .linearToDouble)
        #expect(national.qualitative.partial == Rational(6, 10)...Rational(8, 10))
        #expect(national.grades.map(\.name) == ["优", "良", "中", "差"])
    }

    @Test func hubeiTemplate() throws {
        let hubei = try template("hubei-project-2020")
        #expect(hubei.budget.weight == Rational(20))
        #expect(hubei.reverse == .inverseRatio)
        #expect(hubei.qualitative.partial == Rational(5, 10)...Rational(8, 10))
        #expect(hubei.frameworkWeight == Rational(100))
    }

    @Test func departmentOverallTemplateIsMarkedProvisional() throws {
        let gd = try template("department-overall-gd")
        #expect(gd.provisional)
        #expect(gd.description.hasPrefix("PROVISIONAL"))
        #expect(gd.levels.map(\.name) == ["履职效能", "管理效率"])
        #expect(gd.budget.level == "管理效率")
        #expect(gd.indicatorWeight(of: gd.levels[1]) == Rational(30))
    }

    @Test("encoding and reading back gives the same template", arguments: TemplateCatalog.builtIn.ids)
    func encoderRoundTrips(id: String) throws {
        let original = try template(id)
        #expect(try TemplateCatalog.read(Data(TemplateEncoder.encode(original).serialized().utf8), file: id) == original)
    }

    @Test func aBrokenTemplateFileReportsEveryFault() throws {
        let text = #"{"id": "x", "name": "x", "levels": [{"name": "a", "weight": "x"}], "budget": {"weight": "10"},"#
            + #" "reverse": "log", "qualitative": {}, "rounding": {"mode": "halfUp"}, "grades": []}"#
        let error = try #require(throws: InputError.self) { try TemplateCatalog.read(Data(text.utf8), file: "broken.json") }
        #expect(error.issues.map(\.description) == [
            "levels[0].weight: \"x\" is not a number",
            "reverse: \"log\" is not one of \"linearToDouble\", \"inverseRatio\"",
            "qualitative.achieved: missing (expected an array)",
            "qualitative.partial: missing (expected an array)",
            "qualitative.failed: missing (expected an array)",
            "rounding.places: missing (expected a whole number from 0 to 6)",
            "grades: is empty (expected at least one entry)",
        ])
    }
}
