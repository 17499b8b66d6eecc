import JixiaoCore
import JixiaoStore

/// 评价结果应用: the rule as a form, the suggestions counted by kind, and every department's suggestion with what
/// it rests on.
enum ResultUseView {
    /// The grades the form always offers; a rule may name others, which are shown too.
    static let usualGrades = ["优", "良", "中", "差"]

    static func render(_ model: ResultUseModel, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "评价结果应用", user: user, csrf: csrf) {
            HTML.element("h1") { "评价结果应用" }
            HTML.element("p") {
                "按评价等级（经复核的以复核等级为准）和自评报送是否及时，提出各部门 \(model.year + 1) 年预算安排建议。"
                    + "建议下年预算 = \(model.year) 年全年预算数 ×（1 − 压减比例）。"
            }
            FormControls.outcome(message: model.message, problems: model.problems)
            form(model, editable: user.role == .reviewer, csrf: csrf)
            HTML.element("p", [("id", "results-summary")]) { summary(model.rows) }
            HTML.element("p", [("class", "downloads")]) {
                HTML.element("a", [("href", SiteURL.resultsCSV.path(query: [("year", String(model.year))]))]) { "下载（CSV）" }
                " "
                HTML.element("a", [("href", SiteURL.resultsXLSX.path(query: [("year", String(model.year))]))]) { "下载（Excel）" }
            }
            table(model)
        }
    }

    /// How many departments each suggestion applies to, e.g. `优先保障 3 个，保持 10 个，压减 2 个`, and how many
    /// sent nothing.
    static func summary(_ rows: [ResultUse.Row]) -> String {
        let counts = ResultUseRule.Action.allCases.compactMap { action -> String? in
            let count = rows.filter { $0.suggestion.action == action }.count
            return count == 0 ? nil : "\(action.chinese) \(count) 个"
        }
        let unsent = rows.filter { !$0.submitted }.count
        return "共 \(rows.count) 个部门" + (unsent == 0 ? "" : "（其中 \(unsent) 个未报送）")
            + (counts.isEmpty ? "。" : "：" + counts.joined(separator: "，") + "。")
    }

    private static func form(_ model: ResultUseModel, editable: Bool, csrf: String) -> HTML {
        let grades = usualGrades + model.rule.grades.keys.filter { !usualGrades.contains($0) }.sorted()
        return HTML.element("form", [("method", "post"), ("action", SiteURL.results.path), ("class", "stack"),
                                     ("id", "rule")]) {
            HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
            HTML.element("input", [("type", "hidden"), ("name", "year"), ("value", String(model.year))])
            HTML.element("fieldset", [("disabled", editable ? nil : "disabled")]) {
                HTML.element("legend") { "\(model.year) 年结果应用规则" }
                for (index, grade) in grades.enumerated() {
                    let entry = model.rule.grades[grade]
                    HTML.element("input", [("type", "hidden"), ("name", "grade_\(index)"), ("value", grade)])
                    HTML.element("label") {
                        "等级“\(grade)”"
                        HTML.element("select", [("name", "action_\(index)")]) {
                            for action in ResultUseRule.Action.allCases {
                                HTML.element("option", [("value", action.rawValue),
                                                        ("selected", (entry?.action ?? .keep) == action ? "selected" : nil)]) {
                                    action.chinese
                                }
                            }
                        }
                    }
                    HTML.element("label") {
                        "压减比例（%）"
                        HTML.element("input", [("name", "share_\(index)"), ("inputmode", "decimal"), ("size", "4"),
                                               ("value", entry.map { percent($0.share) } ?? "0")])
                    }
                }
                HTML.element("label") {
                    "逾期报送压减（%）"
                    HTML.element("input", [("name", "late"), ("inputmode", "decimal"), ("size", "4"),
                                           ("value", percent(model.rule.lateCut))])
                }
                HTML.element("label") {
                    "未报送压减（%）"
                    HTML.element("input", [("name", "missing"), ("inputmode", "decimal"), ("size", "4"),
                                           ("value", percent(model.rule.missingCut))])
                }
                if editable { HTML.element("button", [("type", "submit")]) { "保存规则" } }
            }
        }
    }

    /// A share as the percentage the form shows: 0.1 → `10`.
    static func percent(_ share: Rational) -> String { (share * Rational(100)).description }

    /// The CSV's columns.
    static let header = ["部门编码", "部门", "全年预算数（元）", "评价等级", "等级来源", "自评报送", "建议", "压减比例",
                         "建议下年预算（元）", "依据"]

    /// One department's CSV row.
    static func cells(_ row: ResultUse.Row) -> [String] {
        let department = row.department
        return [department.code, department.name, row.submitted ? department.adjusted.yuanString : "",
                department.total == nil ? "" : department.finalGrade,
                department.recheckGrade == nil ? "自评" : "复核", row.timeliness.chinese, row.suggestion.action.chinese,
                row.suggestion.cut.percentString(places: 0), row.submitted ? row.suggestion.amount.yuanString : "",
                reasons(row)]
    }

    /// Why, in words; a unit that sent nothing has no budget here to take the suggestion from.
    static func reasons(_ row: ResultUse.Row) -> String {
        (row.suggestion.reasons + (row.submitted ? [] : ["未报送本年度数据，下年预算由财政局按核定基数确定"]))
            .joined(separator: "；")
    }

    private static func table(_ model: ResultUseModel) -> HTML {
        HTML.element("div", [("class", "table-scroll")]) {
            HTML.element("table", [("id", "results")]) {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["部门", "全年预算数（万元）", "评价等级", "自评报送", "建议", "压减比例",
                                      "建议下年预算（万元）", "依据"] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for row in model.rows {
                        let cells = cells(row)
                        HTML.element("tr", [("id", "department-\(row.department.code)")]) {
                            HTML.element("td") {
                                if row.submitted {
                                    HTML.element("a", [("href", SiteURL.year(code: row.department.code, year: model.year).path)]) {
                                        row.department.name
                                    }
                                } else {
                                    "\(row.department.name)（未报送）"
                                }
                            }
                            HTML.element("td", [("class", "number")]) { row.submitted ? row.department.adjusted.wanString : "—" }
                            HTML.element("td") { cells[3] + (row.department.recheckGrade == nil ? "" : "（复核）") }
                            HTML.element("td", [("class", row.timeliness == .onTime || row.timeliness == .pending
                                                    ? nil : "severity-medium")]) { cells[5] }
                            HTML.element("td") { cells[6] }
                            HTML.element("td", [("class", "number")]) { cells[7] }
                            HTML.element("td", [("class", "number")]) { row.submitted ? row.suggestion.amount.wanString : "—" }
                            HTML.element("td") { cells[9] }
                        }
                    }
                }
            }
        }
    }
}
