import JixiaoCore

/// Writes a template as JSON in the same shape the built-in files use.
public enum TemplateEncoder {
    public static func encode(_ template: EvaluationTemplate) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(template.id)),
            .init("name", .string(template.name)),
            .init("description", .string(template.description)),
            .init("provisional", .bool(template.provisional)),
            .init("levels", .array(template.levels.map { level in
                .object(["name": .string(level.name), "weight": .string(level.weight.description),
                         "children": .array(level.children.map(JSONValue.string)),
                         "numeric": .array(level.numericChildren.map(JSONValue.string))])
            })),
        ]
        var budget: [JSONValue.Member] = [.init("weight", .string(template.budget.weight.description))]
        if let level = template.budget.level { budget.append(.init("level", .string(level))) }
        budget.append(.init("label", .string(template.budget.label)))
        members.append(.init("budget", .object(budget)))
        members.append(.init("reverse", .string(template.reverse.rawValue)))
        func band(_ range: ClosedRange<Rational>) -> JSONValue {
            .array([.string(range.lowerBound.description), .string(range.upperBound.description)])
        }
        members.append(.init("qualitative", .object(["achieved": band(template.qualitative.achieved),
                                                      "partial": band(template.qualitative.partial),
                                                      "failed": band(template.qualitative.failed)])))
        members.append(.init("rounding", .object(["mode": .string(template.rounding.mode.rawValue),
                                                   "places": .number(String(template.rounding.places))])))
        members.append(.init("grades", .array(template.grades.map {
            .object(["name": .string($0.name), "min": .string($0.minimum.description)])
        })))
        members.append(.init("totalWeight", .string(template.totalWeight.description)))
        return .object(members)
    }
}
