import JixiaoCore

/// A what-if's outcomes as the bureau exports them: CSV rows (every department) and JSON (the summary and each
/// department), shared by `jixiao what-if` and the web page's download.
public enum WhatIfTable {
    /// The CSV's columns.
    public static let header = ["部门编码", "部门", "现得分", "现等级", "试算得分", "试算等级", "分数变化", "等级变化", "说明"]

    /// One department's CSV row.
    public static func row(_ outcome: WhatIf.Outcome) -> [String] {
        [outcome.code, outcome.name, outcome.beforeText, outcome.gradeBefore, outcome.afterText ?? "",
         outcome.gradeAfter ?? "", outcome.changeText ?? "",
         outcome.changesGrade ? "\(outcome.gradeBefore)→\(outcome.gradeAfter ?? "")" : "", note(outcome)]
    }

    /// What a reader should know about a department's outcome: why the rules do not apply, or which levels'
    /// indicator weights were scaled to the rules' level weights.
    public static func note(_ outcome: WhatIf.Outcome) -> String {
        outcome.problem ?? (outcome.rescaled.isEmpty ? "" : "指标权重按比例调整：" + outcome.rescaled.joined(separator: "，"))
    }

    /// The whole CSV: the header and a row per department.
    public static func csv(_ outcomes: [WhatIf.Outcome]) -> String {
        var writer = CSVWriter()
        writer.append(header)
        for outcome in outcomes { writer.append(row(outcome)) }
        return writer.text
    }

    /// `{ "summary": {…}, "departments": [{…}] }`, decimals as strings.
    public static func json(_ outcomes: [WhatIf.Outcome]) -> JSONValue {
        let summary = WhatIf.Summary(outcomes)
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            "summary": .object([
                "departments": .number(String(summary.departments)),
                "changedScore": .number(String(summary.changedScore)),
                "changedGrade": .number(String(summary.changedGrade)),
                "notApplicable": .number(String(summary.notApplicable)),
                "gradeMoves": .array(summary.moves.sorted { $0.key < $1.key }.map { move, count in
                    .object(["from": .string(move.from), "to": .string(move.to), "departments": .number(String(count))])
                }),
            ]),
            "departments": .array(outcomes.map { outcome in
                .object(["code": .string(outcome.code), "name": .string(outcome.name),
                         "before": .string(outcome.beforeText), "gradeBefore": .string(outcome.gradeBefore),
                         "after": optional(outcome.afterText), "gradeAfter": optional(outcome.gradeAfter),
                         "change": optional(outcome.changeText), "problem": optional(outcome.problem),
                         "rescaledLevels": .array(outcome.rescaled.map(JSONValue.string))])
            }),
        ])
    }

    /// The summary in a sentence, e.g. `1,000 个部门中 312 个得分变化，41 个等级变化（良→中 30，…）`.
    public static func sentence(_ summary: WhatIf.Summary) -> String {
        var text = "\(summary.departments) 个部门中 \(summary.changedScore) 个得分变化，\(summary.changedGrade) 个等级变化"
        if !summary.moves.isEmpty {
            text += "（" + summary.moves.sorted { $0.key < $1.key }
                .map { "\($0.key.from)→\($0.key.to) \($0.value) 个" }.joined(separator: "，") + "）"
        }
        if summary.notApplicable > 0 { text += "；\(summary.notApplicable) 个部门不适用试算规则" }
        return text + "。"
    }
}
