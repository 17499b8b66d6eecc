/// The parts of a built-in template a bundle may change (DESIGN.md, "template": { "base": … }).
public struct TemplateOverrides: Sendable, Hashable {
    public var rounding: Rounding?
    public var budgetWeight: Rational?
    public var reverse: EvaluationTemplate.ReverseFormula?
    public var qualitative: EvaluationTemplate.QualitativeBands?
    /// New weights for 一级 levels, by name.
    public var levelWeights: [String: Rational]

    public init(rounding: Rounding? = nil, budgetWeight: Rational? = nil,
                reverse: EvaluationTemplate.ReverseFormula? = nil,
                qualitative: EvaluationTemplate.QualitativeBands? = nil, levelWeights: [String: Rational] = [:]) {
        self.rounding = rounding
        self.budgetWeight = budgetWeight
        self.reverse = reverse
        self.qualitative = qualitative
        self.levelWeights = levelWeights
    }

    /// Whether nothing is overridden.
    public var isEmpty: Bool {
        rounding == nil && budgetWeight == nil && reverse == nil && qualitative == nil && levelWeights.isEmpty
    }
}

/// How a year names its template: a built-in id and the overrides applied to it.
public struct TemplateChoice: Sendable, Hashable {
    /// The built-in template id.
    public var base: String
    public var overrides: TemplateOverrides

    public init(base: String, overrides: TemplateOverrides = TemplateOverrides()) {
        self.base = base
        self.overrides = overrides
    }
}

extension EvaluationTemplate {
    /// This template with the overrides applied; the id gains a `+custom` suffix so reports show the change.
    public func applying(_ overrides: TemplateOverrides) -> EvaluationTemplate {
        guard !overrides.isEmpty else { return self }
        var result = self
        result.id = id + "+custom"
        if let rounding = overrides.rounding { result.rounding = rounding }
        if let weight = overrides.budgetWeight { result.budget.weight = weight }
        if let reverse = overrides.reverse { result.reverse = reverse }
        if let bands = overrides.qualitative { result.qualitative = bands }
        for index in result.levels.indices {
            if let weight = overrides.levelWeights[result.levels[index].name] { result.levels[index].weight = weight }
        }
        return result
    }
}

extension TemplateChoice {
    /// The template this choice names with its overrides applied; nil when the catalog has no such base.
    public func template(from catalog: (String) -> EvaluationTemplate?) -> EvaluationTemplate? {
        catalog(base)?.applying(overrides)
    }
}
