import JixiaoCore

/// Reads evaluation templates and a bundle's template overrides from JSON, logging every fault.
enum TemplateDecoder {
    static let templateFields: Set<String> = ["id", "name", "description", "provisional", "levels", "budget",
                                              "reverse", "qualitative", "rounding", "grades", "totalWeight"]
    static let overrideFields: Set<String> = ["base", "rounding", "budget", "reverse", "qualitative", "levels"]

    /// A whole template; nil when anything is wrong (the log says what).
    static func template(_ node: JSONNode) -> EvaluationTemplate? {
        guard node.object(allowing: templateFields) else { return nil }
        let id = node["id"].string()
        let name = node["name"].string()
        let description = node["description"].string(required: false) ?? ""
        var provisional = false
        if node["provisional"].isPresent {
            if case .bool(let flag)? = node["provisional"].value { provisional = flag }
            else { node["provisional"].reject("true or false", "true 或 false") }
        }
        let levels = node["levels"].array(required: true, nonEmpty: true).compactMap(level)
        let budget = budgetRule(node["budget"])
        let reverse = node["reverse"].choice(EvaluationTemplate.ReverseFormula.self)
        let bands = qualitativeBands(node["qualitative"])
        let rounding = rounding(node["rounding"])
        let grades = node["grades"].array(required: true, nonEmpty: true).compactMap(gradeBand)
        let total = node["totalWeight"].isPresent ? node["totalWeight"].decimal(.points) : Rational(100)
        guard let id, let name, let budget, let reverse, let bands, let rounding, let total,
              !levels.isEmpty, !grades.isEmpty else { return nil }
        let template = EvaluationTemplate(id: id, name: name, description: description, provisional: provisional,
                                          levels: levels, budget: budget, reverse: reverse, qualitative: bands,
                                          rounding: rounding, grades: grades, totalWeight: total)
        return checked(template, at: node)
    }

    /// The template's weights must add up to its total, and the budget's level must exist.
    static func checked(_ template: EvaluationTemplate, at node: JSONNode) -> EvaluationTemplate? {
        var valid = true
        if template.frameworkWeight != template.totalWeight {
            node.fail("weights add up to \(template.frameworkWeight) (levels plus budget), expected \(template.totalWeight)",
                      "各级权重与预算执行权重合计 \(template.frameworkWeight)，应为 \(template.totalWeight)")
            valid = false
        }
        if let level = template.budget.level, template.level(named: level) == nil {
            node["budget"]["level"].fail("\"\(level)\" is not one of the template's levels", "“\(level)”不是模板的一级指标")
            valid = false
        }
        return valid ? template : nil
    }

    static func level(_ node: JSONNode) -> EvaluationTemplate.Level? {
        guard node.object(allowing: ["name", "weight", "children", "numeric"]) else { return nil }
        let name = node["name"].string()
        let weight = node["weight"].decimal(.points)
        let children = node["children"].array().compactMap { $0.string() }
        let numeric = node["numeric"].array().compactMap { $0.string() }
        for (offset, child) in numeric.enumerated() where !children.isEmpty && !children.contains(child) {
            node["numeric"].fail("entry \(offset) \"\(child)\" is not one of children", "第 \(offset + 1) 项“\(child)”不在 children 中")
        }
        guard let name, let weight else { return nil }
        return EvaluationTemplate.Level(name: name, weight: weight, children: children, numericChildren: numeric)
    }

    static func budgetRule(_ node: JSONNode) -> EvaluationTemplate.BudgetRule? {
        guard node.object(allowing: ["weight", "level", "label"]) else { return nil }
        guard let weight = node["weight"].decimal(.points) else { return nil }
        return EvaluationTemplate.BudgetRule(weight: weight, level: node["level"].string(required: false),
                                             label: node["label"].string(required: false) ?? "预算执行率")
    }

    static func rounding(_ node: JSONNode) -> Rounding? {
        guard node.object(allowing: ["mode", "places"]) else { return nil }
        let mode = node["mode"].choice(Rounding.Mode.self)
        let places = node["places"].integer(in: 0...6, required: mode != .integer) ?? 0
        return mode.map { Rounding(mode: $0, places: places) }
    }

    static func qualitativeBands(_ node: JSONNode) -> EvaluationTemplate.QualitativeBands? {
        guard node.object(allowing: ["achieved", "partial", "failed"]) else { return nil }
        let achieved = band(node["achieved"])
        let partial = band(node["partial"])
        let failed = band(node["failed"])
        guard let achieved, let partial, let failed else { return nil }
        return EvaluationTemplate.QualitativeBands(achieved: achieved, partial: partial, failed: failed)
    }

    /// A `["low", "high"]` pair of fractions of the weight, 0 ≤ low ≤ high ≤ 1.
    static func band(_ node: JSONNode) -> ClosedRange<Rational>? {
        let ends = node.array(required: true)
        guard ends.count == 2 else {
            if node.isPresent { node.reject("a pair [low, high] of fractions", "[下限, 上限] 两个比例") }
            return nil
        }
        guard let low = ends[0].decimal(.share), let high = ends[1].decimal(.share) else { return nil }
        guard .zero <= low, low <= high, high <= .one else {
            node.fail("[\(low), \(high)] is not a band of fractions with 0 ≤ low ≤ high ≤ 1",
                      "[\(low), \(high)] 不是 0 ≤ 下限 ≤ 上限 ≤ 1 的比例区间")
            return nil
        }
        return low...high
    }

    static func gradeBand(_ node: JSONNode) -> EvaluationTemplate.GradeBand? {
        guard node.object(allowing: ["name", "min"]) else { return nil }
        guard let name = node["name"].string(), let minimum = node["min"].decimal(.points) else { return nil }
        return EvaluationTemplate.GradeBand(name: name, minimum: minimum)
    }

    /// The overrides of a template object (every field but `base`); `levels` may name only the given levels.
    static func overrides(_ node: JSONNode, levels: Set<String>) -> TemplateOverrides {
        var overrides = TemplateOverrides()
        if node["rounding"].isPresent { overrides.rounding = rounding(node["rounding"]) }
        if node["budget"].isPresent, node["budget"].object(allowing: ["weight"]) {
            overrides.budgetWeight = node["budget"]["weight"].decimal(.points)
        }
        overrides.reverse = node["reverse"].choice(EvaluationTemplate.ReverseFormula.self, required: false)
        if node["qualitative"].isPresent { overrides.qualitative = qualitativeBands(node["qualitative"]) }
        if node["levels"].isPresent, node["levels"].object(allowing: levels),
           case .object(let members)? = node["levels"].value {
            for member in members where levels.contains(member.key) {
                overrides.levelWeights[member.key] = node["levels"][member.key].decimal(.points)
            }
        }
        return overrides
    }

    /// A bundle's `template` field: a built-in id, or an object with `base` and overrides; the resolved template
    /// and how it was chosen.
    static func resolve(_ node: JSONNode, catalog: TemplateCatalog) -> (EvaluationTemplate, TemplateChoice)? {
        if case .string(let id)? = node.value {
            guard let template = catalog.template(id: id) else {
                node.fail("\"\(id)\" is not a built-in template (expected one of \(catalog.ids.joined(separator: ", ")))",
                          "“\(id)”不是内置模板（可选：\(catalog.ids.joined(separator: "、"))）")
                return nil
            }
            return (template, TemplateChoice(base: id))
        }
        guard node.object(allowing: overrideFields) else { return nil }
        guard let baseID = node["base"].string() else { return nil }
        guard let base = catalog.template(id: baseID) else {
            node["base"].fail("\"\(baseID)\" is not a built-in template "
                + "(expected one of \(catalog.ids.joined(separator: ", ")))",
                "“\(baseID)”不是内置模板（可选：\(catalog.ids.joined(separator: "、"))）")
            return nil
        }
        let overrides = self.overrides(node, levels: Set(base.levels.map(\.name)))
        return checked(base.applying(overrides), at: node).map { ($0, TemplateChoice(base: baseID, overrides: overrides)) }
    }
}
