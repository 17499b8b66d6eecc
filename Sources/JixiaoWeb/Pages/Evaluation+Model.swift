import JixiaoCore
import JixiaoStore
import JixiaoReport

/// The evaluation page: every score with how it was computed and the records behind a measured value.
struct EvaluationModel {
    struct Row {
        let id: String
        let level: String
        let name: String
        let target: String
        let actual: String
        let weight: String
        let score: String
        let method: String
        let formula: String
        let records: [String]
        let override: String?
        /// The evidence behind the score: files attached to the indicator and to the activity records counted, as
        /// (file name, download path).
        let evidence: [(name: String, path: String)]
    }

    let code: String
    let name: String
    let year: Int
    let templateName: String
    let budgetFormula: String
    let budgetScore: String
    let rows: [Row]
    let total: String
    let grade: String

    /// The `evaluation` of `year`, each score with the `evidence` files attached to its indicator and its records.
    init(_ year: DepartmentYear, evaluation: Evaluation, evidence: [EvidenceRepository.Entry] = []) {
        let files = Dictionary(grouping: evidence, by: \.subject)
        let rounding = year.template.rounding
        code = year.department.code
        name = year.department.name
        self.year = year.year
        templateName = year.template.name
        budgetFormula = evaluation.budget.formula
        budgetScore = rounding.format(evaluation.budget.score) + " / \(evaluation.budget.weight)"
        rows = zip(year.indicators, evaluation.indicators).map { indicator, score in
            let support = ScoreSupport(indicator, score, in: year, files: files)
            return Row(id: indicator.id, level: "\(indicator.level1) / \(indicator.level2)", name: indicator.name,
                       target: IndicatorText.target(indicator),
                       actual: score.actual.map { "\($0)\(indicator.unit)" }
                           ?? [indicator.actualText, indicator.grade?.chinese].compactMap { $0 }.joined(separator: "，"),
                       weight: indicator.weight.description, score: rounding.format(score.score),
                       method: EvaluationModel.methodNames[score.method] ?? score.method.rawValue,
                       formula: score.formula,
                       records: support.activities.map { activity in
                           "\(activity.date) \(activity.title)" + (activity.audience.map { "（受众 \($0) 人次）" } ?? "")
                       },
                       override: score.overrideReason,
                       evidence: support.files.map { entry in
                           (entry.name, SiteURL.evidenceFile(code: year.department.code, year: year.year, id: entry.id).path)
                       })
        }
        total = rounding.format(evaluation.total)
        grade = evaluation.grade
    }

    static let methodNames: [ScoreMethod: String] = [
        .positive: "正向指标", .linearToDouble: "反向指标（两倍归零）", .inverseRatio: "反向指标（比值）",
        .equal: "等于目标", .qualitative: "定性评级", .tiers: "分档", .deduction: "扣分", .manual: "人工评分",
        .notAssessed: "未评定", .targetNotNumeric: "目标非数值",
    ]
}
