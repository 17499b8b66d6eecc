/// The rules a self-evaluation is scored by: framework, formulas, bands, rounding and grades.
/// Templates are data (built-in JSON files or a bundle's overrides), never code.
public struct EvaluationTemplate: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String
    /// Whether the template is a draft awaiting confirmation against the official document.
    public var provisional: Bool
    /// The 一级 indicators with their weights and the 二级 names they allow.
    public var levels: [Level]
    public var budget: BudgetRule
    /// The formula used for `<=` and `<` indicators.
    public var reverse: ReverseFormula
    public var qualitative: QualitativeBands
    public var rounding: Rounding
    /// Grade bands, highest first; the first whose minimum the total reaches is the grade.
    public var grades: [GradeBand]
    /// The total that the framework's weights and the budget weight must add up to.
    public var totalWeight: Rational

    public init(id: String, name: String, description: String, provisional: Bool = false, levels: [Level],
                budget: BudgetRule, reverse: ReverseFormula, qualitative: QualitativeBands, rounding: Rounding,
                grades: [GradeBand], totalWeight: Rational = Rational(100)) {
        self.id = id
        self.name = name
        self.description = description
        self.provisional = provisional
        self.levels = levels
        self.budget = budget
        self.reverse = reverse
        self.qualitative = qualitative
        self.rounding = rounding
        self.grades = grades
        self.totalWeight = totalWeight
    }

    /// A 一级 indicator of the framework.
    public struct Level: Sendable, Hashable {
        public var name: String
        /// The points this level is worth, the budget execution score included when it sits in this level.
        public var weight: Rational
        /// The 二级 names allowed under it; empty allows any.
        public var children: [String]
        /// 二级 names under which a number is expected (数量、时效、成本…): a qualitative target there is vague.
        public var numericChildren: [String]

        public init(name: String, weight: Rational, children: [String] = [], numericChildren: [String] = []) {
            self.name = name
            self.weight = weight
            self.children = children
            self.numericChildren = numericChildren
        }
    }

    /// How budget execution is scored.
    public struct BudgetRule: Sendable, Hashable {
        public var weight: Rational
        /// The 一级 level the budget score counts toward, when it is part of one (as in department templates).
        public var level: String?
        /// The label in the score table, e.g. 预算执行率.
        public var label: String

        public init(weight: Rational, level: String? = nil, label: String = "预算执行率") {
            self.weight = weight
            self.level = level
            self.label = label
        }
    }

    /// The reverse-indicator formulas in use across provinces.
    public enum ReverseFormula: String, Sendable, CaseIterable {
        /// Full at or below target, linear to zero at twice the target.
        case linearToDouble
        /// `W × min(T/A, 1)`.
        case inverseRatio
    }

    /// Score ranges for qualitative grades, as fractions of the weight.
    public struct QualitativeBands: Sendable, Hashable {
        public var achieved: ClosedRange<Rational>
        public var partial: ClosedRange<Rational>
        public var failed: ClosedRange<Rational>

        public init(achieved: ClosedRange<Rational>, partial: ClosedRange<Rational>, failed: ClosedRange<Rational>) {
            self.achieved = achieved
            self.partial = partial
            self.failed = failed
        }

        /// The band of a grade.
        public func band(for grade: Indicator.Grade) -> ClosedRange<Rational> {
            switch grade {
            case .achieved: achieved
            case .partial: partial
            case .failed: failed
            }
        }
    }

    /// A grade and the lowest total that earns it.
    public struct GradeBand: Sendable, Hashable {
        public var name: String
        public var minimum: Rational

        public init(name: String, minimum: Rational) {
            self.name = name
            self.minimum = minimum
        }
    }

    /// The level with the given name.
    public func level(named name: String) -> Level? { levels.first { $0.name == name } }

    /// The points a level's indicators must add up to (its weight less the budget score when it sits there).
    public func indicatorWeight(of level: Level) -> Rational {
        budget.level == level.name ? level.weight - budget.weight : level.weight
    }

    /// The sum of the framework: every level plus the budget weight when it stands on its own.
    public var frameworkWeight: Rational {
        levels.map(\.weight).sum() + (budget.level == nil ? budget.weight : .zero)
    }

    /// The grade a total earns.
    public func grade(for total: Rational) -> String {
        grades.first { total >= $0.minimum }?.name ?? grades.last?.name ?? ""
    }
}
