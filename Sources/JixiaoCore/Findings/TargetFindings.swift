extension FindingsEngine {
    /// The target check's serious findings (a quantitative target without a number, weights that miss the
    /// framework, a project without indicators), the department's and each project's: while any stands, the
    /// targets cannot be submitted for review.
    public static func blockingTargetFindings(_ year: DepartmentYear) -> [Finding] {
        (targetFindings(year) + projectFindings(year, results: false)).filter { $0.severity == .high }
    }

    /// Count units: an indicator measured in them counts outputs, whatever level it is filed under.
    static let outputUnits: Set<String> = ["场", "次", "场次", "期", "个", "项", "家", "名", "件", "册", "篇", "台", "套"]

    /// What a report says once for several findings of the same rule, before naming their records: the count goes
    /// in front (“8 个效益、满意度类定量指标…：指标“…”（i9）、…”).
    public static let gatheredHeadlines = ["TARGET_NOT_ASSESSABLE": "个效益、满意度类定量指标没有写明计算公式或数据来源，完成值无从核实"]

    /// Benefit and satisfaction indicators: their actual values are judged from surveys and statistics, not counted
    /// from the department's own records, so a number needs its formula or source to be checked.
    static func isAssessedByPeople(_ indicator: Indicator) -> Bool {
        indicator.level1.contains("效益") || indicator.level1.contains("满意") || indicator.level2.contains("满意")
    }

    /// Vague targets: no number where one is expected, no unit, weights that miss the framework,
    /// an output filed as a benefit.
    static func targetFindings(_ year: DepartmentYear) -> [Finding] {
        let template = year.template
        var findings: [Finding] = []
        for (index, indicator) in year.indicators.enumerated() {
            let subject = "indicators[\(index)]"
            let label = "指标“\(indicator.name)”（\(indicator.id)）"
            let numericLevel2 = template.level(named: indicator.level1)?.numericChildren.contains(indicator.level2)
                ?? false
            if indicator.nature == .quantitative, indicator.rule == nil, indicator.target == nil {
                findings.append(Finding(
                    code: "TARGET_NO_NUMBER", severity: .high, theme: .targets,
                    message: "\(label)是定量指标，指标值“\(indicator.targetText)”却不是数值，无法衡量和计分。",
                    evidence: ["指标值：\(indicator.targetText)"],
                    measure: "将绩效目标细化为可衡量的数值指标，写明数量、时限和标准。", subject: subject))
            } else if indicator.nature == .qualitative, numericLevel2 {
                findings.append(Finding(
                    code: "TARGET_NO_NUMBER", severity: .medium, theme: .targets,
                    message: "\(label)列在“\(indicator.level2)”下，应设定数值目标，现为定性表述“\(indicator.targetText)”。",
                    evidence: ["二级指标：\(indicator.level2)", "指标值：\(indicator.targetText)"],
                    measure: "将绩效目标细化为可衡量的数值指标，写明数量、时限和标准。", subject: subject))
            }
            if indicator.nature == .quantitative, indicator.target != nil,
               indicator.unit.trimmingCharacters(in: .whitespaces).isEmpty {
                findings.append(Finding(
                    code: "TARGET_NO_UNIT", severity: .medium, theme: .targets,
                    message: "\(label)的指标值 \(indicator.targetText) 没有计量单位，无法判断完成程度。",
                    evidence: ["指标值：\(indicator.targetText)", "计量单位：空"],
                    measure: "为每个定量指标注明计量单位（场、人次、%、万元等）。", subject: subject))
            }
            if isAssessedByPeople(indicator), indicator.nature == .quantitative, indicator.measure == nil,
               indicator.rule == nil, indicator.formula.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
               indicator.dataSource.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                findings.append(Finding(
                    code: "TARGET_NOT_ASSESSABLE", severity: .medium, theme: .targets,
                    message: "\(label)是\(indicator.level2.isEmpty ? indicator.level1 : indicator.level2)的定量目标"
                        + "“\(indicator.direction.symbol)\(indicator.targetText)\(indicator.unit)”，没有写明计算公式或数据来源，"
                        + "完成值无从核实。",
                    evidence: ["指标值：\(indicator.direction.symbol)\(indicator.targetText)\(indicator.unit)",
                               "计算公式：空", "数据来源：空"],
                    measure: "写明计算公式（如 满意户数÷调查户数×100%）和数据来源（如 第三方满意度调查报告）。",
                    subject: subject, item: label))
            }
            if indicator.level1.contains("效益"), outputUnits.contains(indicator.unit) {
                findings.append(Finding(
                    code: "TARGET_OUTPUT_AS_BENEFIT", severity: .medium, theme: .targets,
                    message: "\(label)以“\(indicator.unit)”计数，衡量的是产出数量，却列为“\(indicator.level1)”。",
                    evidence: ["一级指标：\(indicator.level1)", "计量单位：\(indicator.unit)"],
                    measure: "将计数类指标移入产出指标，效益指标改为反映服务对象受益和社会影响的目标。",
                    subject: subject))
            }
        }
        for level in template.levels {
            let expected = template.indicatorWeight(of: level)
            let actual = year.indicators.filter { $0.level1 == level.name }.map(\.weight).sum()
            guard actual != expected else { continue }
            findings.append(Finding(
                code: "TARGET_WEIGHTS", severity: .high, theme: .targets,
                message: "“\(level.name)”下各指标权重合计 \(actual) 分，模板规定为 \(expected) 分。",
                evidence: ["模板：\(template.id)", "权重合计：\(actual)", "应为：\(expected)"],
                measure: "按评价模板调整各级指标权重，使其合计与框架一致。", subject: "indicators"))
        }
        return findings
    }
}

import Foundation
