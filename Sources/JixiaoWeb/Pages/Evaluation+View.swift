/// Scores with their evidence: formula, inputs, the records counted, and any manual override with its reason.
enum EvaluationView {
    static func render(_ model: EvaluationModel, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "自评得分", user: user, csrf: csrf) {
            Layout.heading("自评得分：\(model.total)（\(model.grade)）", code: model.code, name: model.name,
                           year: model.year)
            HTML.element("p", [("class", "who")]) { "评价模板：\(model.templateName)" }
            HTML.element("h2") { "预算执行率 \(model.budgetScore)" }
            HTML.element("p") { HTML.element("code") { model.budgetFormula } }
            HTML.element("h2") { "绩效指标" }
            indicatorTable(model.rows)
        }
    }

    /// Each indicator with its target, actual value, weight, score and how it was computed (formula, override,
    /// evidence, records counted): the evaluation page's table, and a project's.
    static func indicatorTable(_ rows: [EvaluationModel.Row]) -> HTML {
        HTML.element("div", [("class", "table-scroll")]) {
            HTML.element("table") {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["指标", "指标值", "实际完成值", "分值", "得分", "计算依据"] { HTML.element("th") { title } }
                    }
                }
                HTML.element("tbody") {
                    for row in rows {
                        HTML.element("tr", [("id", "indicator-\(row.id)")]) {
                            HTML.element("td") {
                                HTML.element("strong") { row.name }
                                HTML.element("br")
                                HTML.element("small") { row.level }
                            }
                            HTML.element("td") { row.target }
                            HTML.element("td") { row.actual }
                            HTML.element("td", [("class", "number")]) { row.weight }
                            HTML.element("td", [("class", "number")]) { row.score }
                            HTML.element("td") {
                                HTML.element("div") { row.method }
                                HTML.element("code") { row.formula }
                                if let reason = row.override {
                                    HTML.element("div", [("class", "severity-medium")]) { "人工评分理由：\(reason)" }
                                }
                                if !row.evidence.isEmpty {
                                    HTML.element("div", [("class", "evidence")]) {
                                        "佐证材料："
                                        for (index, file) in row.evidence.enumerated() {
                                            if index > 0 { "、" }
                                            HTML.element("a", [("href", file.path)]) { file.name }
                                        }
                                    }
                                }
                                if !row.records.isEmpty {
                                    HTML.element("details") {
                                        HTML.element("summary") { "计入的 \(row.records.count) 条活动记录" }
                                        HTML.element("ul") {
                                            for record in row.records { HTML.element("li") { record } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
