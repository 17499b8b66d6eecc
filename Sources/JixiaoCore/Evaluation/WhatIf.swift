/// 规则试算: every department of a year re-scored under other rules, without touching stored data — who changes
/// score and grade, and by how much. Pure: it scores each department's stored ``ScoringInputs`` twice, under its
/// own template and under the rules tried.
public enum WhatIf {
    /// The rules tried.
    public enum Rules: Sendable, Hashable {
        /// Every department scored by this one template.
        case template(EvaluationTemplate)
        /// Each department's own template with these overrides laid over its own.
        case overrides(TemplateOverrides)

        /// The template a department would be scored by, given the built-in its own choice names.
        func template(over own: TemplateChoice, catalog: (String) -> EvaluationTemplate?) -> EvaluationTemplate? {
            switch self {
            case .template(let template):
                return template
            case .overrides(let tried):
                guard let base = catalog(own.base) else { return nil }
                var merged = own.overrides
                merged.rounding = tried.rounding ?? merged.rounding
                merged.budgetWeight = tried.budgetWeight ?? merged.budgetWeight
                merged.reverse = tried.reverse ?? merged.reverse
                merged.qualitative = tried.qualitative ?? merged.qualitative
                merged.levelWeights.merge(tried.levelWeights) { _, new in new }
                return base.applying(merged)
            }
        }
    }

    /// One department under its own rules and under the rules tried.
    public struct Department: Sendable, Hashable {
        public var code: String
        public var name: String
        public var inputs: ScoringInputs

        public init(code: String, name: String, inputs: ScoringInputs) {
            self.code = code
            self.name = name
            self.inputs = inputs
        }
    }

    /// A department's score and grade before and after.
    public struct Outcome: Sendable, Hashable {
        public var code: String
        public var name: String
        public var before: Rational
        public var gradeBefore: String
        /// Nil when the rules cannot score this department (see `problem`).
        public var after: Rational?
        public var gradeAfter: String?
        /// Why the rules do not apply here, e.g. weights that no longer add up on this department's template.
        public var problem: String?
        /// The levels whose indicators' points were scaled to the weight the rules give the level, e.g.
        /// `产出指标 50→40 分`.
        public var rescaled: [String] = []
        /// The decimals each score is written with: its template's rounding.
        public var placesBefore = 2
        public var placesAfter = 2

        public init(code: String, name: String, before: Rational, gradeBefore: String, after: Rational?,
                    gradeAfter: String?, problem: String?) {
            self.code = code
            self.name = name
            self.before = before
            self.gradeBefore = gradeBefore
            self.after = after
            self.gradeAfter = gradeAfter
            self.problem = problem
        }

        /// after − before; nil when the rules do not apply.
        public var change: Rational? { after.map { $0 - before } }
        public var changesGrade: Bool { gradeAfter.map { $0 != gradeBefore } ?? false }
        /// The scores and the change as documents write them, each with its template's decimals.
        public var beforeText: String { before.formatted(places: placesBefore) }
        public var afterText: String? { after?.formatted(places: placesAfter) }
        public var changeText: String? {
            change.map { ($0.signum > 0 ? "+" : "") + $0.formatted(places: max(placesBefore, placesAfter)) }
        }
    }

    /// A department re-scored: its own template from its choice, the rules' template beside it.
    public static func outcome(_ department: Department, rules: Rules,
                               catalog: (String) -> EvaluationTemplate?) -> Outcome {
        let choice = department.inputs.templateChoice
        guard let own = choice.template(from: catalog),
              let tried = rules.template(over: choice, catalog: catalog) else {
            return Outcome(code: department.code, name: department.name, before: .zero, gradeBefore: "",
                           after: nil, gradeAfter: nil, problem: "本部门的模板“\(choice.base)”不是内置模板")
        }
        let before = Evaluator.evaluate(department.inputs, template: own)
        var outcome = Outcome(code: department.code, name: department.name, before: before.total,
                              gradeBefore: before.grade, after: nil, gradeAfter: nil, problem: nil)
        outcome.placesBefore = own.rounding.places
        outcome.placesAfter = tried.rounding.places
        let (fitted, rescaled) = fit(department.inputs, to: tried)
        if let problem = misfit(fitted, tried) {
            outcome.problem = problem
            return outcome
        }
        outcome.rescaled = rescaled
        let after = Evaluator.evaluate(fitted, template: tried)
        outcome.after = after.total
        outcome.gradeAfter = after.grade
        return outcome
    }

    /// The inputs with each level's indicators scaled in proportion to the points the template gives the level,
    /// where they carry other points (a what-if that moves weight between levels or to the budget), and those
    /// levels described.
    static func fit(_ inputs: ScoringInputs, to template: EvaluationTemplate) -> (ScoringInputs, [String]) {
        var fitted = inputs
        var rescaled: [String] = []
        for level in template.levels {
            let carried = inputs.entries.filter { $0.indicator.level1 == level.name }.map(\.indicator.weight).sum()
            let given = template.indicatorWeight(of: level)
            guard carried.signum > 0, carried != given else { continue }
            for index in fitted.entries.indices where fitted.entries[index].indicator.level1 == level.name {
                fitted.entries[index].indicator = fitted.entries[index].indicator.scaled(by: given / carried)
            }
            rescaled.append("\(level.name) \(carried)→\(given) 分")
        }
        return (fitted, rescaled)
    }

    /// Why a department's indicators cannot be scored by a template, or nil when they can: the template's weights
    /// must add up, every indicator must sit under one of its levels, and a level with points must hold indicators.
    static func misfit(_ inputs: ScoringInputs, _ template: EvaluationTemplate) -> String? {
        guard template.frameworkWeight == template.totalWeight else {
            return "试算规则下各级权重与预算执行权重合计 \(template.frameworkWeight)，应为 \(template.totalWeight)"
        }
        if let stray = inputs.entries.first(where: { template.level(named: $0.indicator.level1) == nil }) {
            return "指标“\(stray.indicator.name)”的一级指标“\(stray.indicator.level1)”不在模板“\(template.name)”中"
        }
        for level in template.levels where template.indicatorWeight(of: level).signum > 0 {
            guard inputs.entries.contains(where: { $0.indicator.level1 == level.name }) else {
                return "“\(level.name)”在试算规则下有 \(template.indicatorWeight(of: level)) 分，本部门在该级没有指标"
            }
        }
        return nil
    }

    /// What the rules do to a province: how many departments change score and grade, the grade moves and the
    /// largest changes.
    public struct Summary: Sendable, Hashable {
        public var departments: Int
        public var changedScore: Int
        public var changedGrade: Int
        /// Departments the rules could not score.
        public var notApplicable: Int
        /// (from, to) grade → how many departments moved so; only real moves.
        public var moves: [GradeMove: Int]
        public var largestRise: Rational?
        public var largestFall: Rational?

        /// A change of grade.
        public struct GradeMove: Sendable, Hashable, Comparable {
            public var from: String
            public var to: String

            public init(from: String, to: String) {
                self.from = from
                self.to = to
            }

            public static func < (lhs: GradeMove, rhs: GradeMove) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
        }

        public init(_ outcomes: [Outcome]) {
            departments = outcomes.count
            changedScore = outcomes.filter { ($0.change ?? .zero) != .zero }.count
            changedGrade = outcomes.filter(\.changesGrade).count
            notApplicable = outcomes.filter { $0.problem != nil }.count
            var moves: [GradeMove: Int] = [:]
            for outcome in outcomes where outcome.changesGrade {
                moves[GradeMove(from: outcome.gradeBefore, to: outcome.gradeAfter ?? ""), default: 0] += 1
            }
            self.moves = moves
            let changes = outcomes.compactMap(\.change)
            largestRise = changes.filter { $0 > .zero }.max()
            largestFall = changes.filter { $0 < .zero }.min()
        }
    }
}
