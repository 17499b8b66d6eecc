extension FindingsEngine {
    /// Indicators not assessed, below target without an explanation, or scored by hand.
    static func resultFindings(_ year: DepartmentYear, evaluation: Evaluation) -> [Finding] {
        let rounding = year.template.rounding
        var findings: [Finding] = []
        for (indicator, score) in zip(year.indicators, evaluation.indicators) {
            let subject = path(ofIndicator: indicator.id, in: year)
            let label = "指标“\(indicator.name)”（\(indicator.id)）"
            let figures = ["分值：\(indicator.weight)", "得分：\(rounding.format(score.score))"]
            switch score.method {
            case .notAssessed:
                findings.append(Finding(
                    code: "INDICATOR_NOT_ASSESSED", severity: .high, theme: .results,
                    message: "\(label)没有实际完成值或评定等级，按 0 分计。",
                    evidence: figures, measure: "年末逐项填报指标实际完成值，并保存佐证材料。", subject: subject))
            case .manual:
                findings.append(Finding(
                    code: "SCORE_OVERRIDDEN", severity: .low, theme: .results,
                    message: "\(label)为人工评分 \(rounding.format(score.score)) 分（按规则计算为 "
                        + "\(rounding.format(score.computedScore ?? .zero)) 分），理由：\(score.overrideReason ?? "")。",
                    evidence: figures, measure: "人工调整评分须留存依据，并在报告中说明。", subject: subject))
            default:
                break
            }
            if score.method != .notAssessed, !score.isFull,
               indicator.deviation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                findings.append(Finding(
                    code: "RESULT_BELOW_TARGET_UNEXPLAINED", severity: .medium, theme: .results,
                    message: "\(label)未得满分（\(rounding.format(score.score))/\(indicator.weight)），"
                        + "但没有填写偏差原因分析及改进措施。",
                    evidence: figures + ["指标值：\(indicator.direction.symbol)\(indicator.targetText)\(indicator.unit)"],
                    measure: "对未完成的指标逐项分析偏差原因，提出具体改进措施。", subject: subject))
            }
        }
        return findings
    }
}

import Foundation
