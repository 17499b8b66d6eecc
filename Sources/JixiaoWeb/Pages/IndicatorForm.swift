import JixiaoCore
import JixiaoIO
import Vapor

/// An indicator as posted, turned into the members of a bundle `indicators` entry for the bundle reader: what the
/// indicator is (levels, name, nature, direction, target, unit, weight) and its results (actual value, deviation).
/// What the form does not carry — a measure, a rule, a judged grade, a manual score, progress reports — stays as
/// stored.
struct IndicatorForm: Content {
    var id: String?
    var level1: String?
    var level2: String?
    var name: String?
    var nature: String?
    var direction: String?
    var target: String?
    var unit: String?
    var weight: String?
    var formula: String?
    var source: String?
    var actual: String?
    var deviation: String?
    var version: Int?

    init(_ indicator: Indicator? = nil, version: Int? = nil) {
        id = indicator?.id
        level1 = indicator?.level1
        level2 = indicator?.level2
        name = indicator?.name
        nature = indicator?.nature.rawValue ?? Indicator.Nature.quantitative.rawValue
        direction = indicator?.direction.rawValue ?? Indicator.Direction.atLeast.rawValue
        target = indicator?.targetText
        unit = indicator?.unit
        weight = indicator?.weight.description
        formula = indicator?.formula
        source = indicator?.dataSource
        actual = indicator?.actualText
        deviation = indicator?.deviation
        self.version = version
    }

    /// The entry's members, and the faults only the form can see (an id left blank); everything else is for the
    /// bundle reader, so that all faults are shown at once. An empty actual value removes the stored one.
    func entry(id fixedID: String? = nil) -> (JSONValue, FieldErrors) {
        var errors = FieldErrors()
        let text = FormText.clean
        let id = fixedID ?? text(self.id)
        if id.isEmpty { errors["id"] = "请填写指标编号，如 i12" }
        var members: [JSONValue.Member] = [
            .init("id", .string(id)), .init("level1", .string(text(level1))), .init("level2", .string(text(level2))),
            .init("name", .string(text(name))), .init("nature", .string(text(nature))),
        ]
        if !text(direction).isEmpty { members.append(.init("direction", .string(text(direction)))) }
        members += [.init("target", .string(ClerkFormats.number(text(target)) ?? text(target))),
                    .init("unit", .string(text(unit))),
                    .init("weight", .string(ClerkFormats.number(text(weight)) ?? text(weight))),
                    .init("formula", .string(text(formula))), .init("source", .string(text(source))),
                    .init("actual", .string(ClerkFormats.number(text(actual)) ?? text(actual))),
                    .init("deviation", .string(text(deviation)))]
        return (.object(members), errors)
    }
}
