import JixiaoCore
import JixiaoIO

/// 规则试算: the rules form, the outcome in a sentence with the grade moves, and the departments that change, the
/// largest changes first.
enum WhatIfView {
    /// The page lists this many changed departments; the CSV file has every department.
    static let shownRows = 500

    static func render(_ model: WhatIfModel?, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "规则试算", user: user, csrf: csrf) {
            HTML.element("h1") { "规则试算" }
            HTML.element("p") {
                "按另一套评分规则重新计算所选年度每个部门的得分和等级，看谁的得分、等级会变、变多少。试算不改动任何已存数据。"
            }
            if let model {
                form(model)
                FormControls.outcome(message: nil, problems: model.problems)
                if let outcomes = model.outcomes { result(outcomes, model: model) }
            } else {
                HTML.element("p") { "还没有可试算的部门年度数据。" }
            }
        }
    }

    private static func form(_ model: WhatIfModel) -> HTML {
        let catalog = TemplateCatalog.builtIn
        return HTML.element("form", [("method", "get"), ("class", "filters"), ("action", SiteURL.whatIf.path)]) {
            FormControls.filter("year", "年度", everything: "最近", options: model.years.map { (String($0), "\($0) 年") },
                                selected: String(model.year))
            FormControls.filter("base", "评价模板", everything: "各部门现用模板",
                                options: catalog.ids.compactMap(catalog.template(id:)).map { ($0.id, $0.name) },
                                selected: model.form.base)
            FormControls.filter("rounding", "得分取舍", everything: "不变",
                                options: [("halfUp", "四舍五入"), ("truncate", "截尾"), ("integer", "取整（四舍五入）")],
                                selected: model.form.rounding)
            HTML.element("label") {
                "保留小数位"
                HTML.element("input", [("name", "places"), ("inputmode", "numeric"), ("size", "2"),
                                       ("value", model.form.places ?? "2")])
            }
            HTML.element("label") {
                "预算执行权重（分）"
                HTML.element("input", [("name", "budgetWeight"), ("inputmode", "decimal"), ("size", "4"),
                                       ("placeholder", "不变"), ("value", model.form.budgetWeight)])
            }
            FormControls.filter("reverse", "反向指标计分", everything: "不变",
                                options: [("linearToDouble", "超出目标线性扣分，两倍时为 0"), ("inverseRatio", "目标值 ÷ 实际值")],
                                selected: model.form.reverse)
            HTML.element("button", [("type", "submit")]) { "试算" }
        }
    }

    private static func result(_ outcomes: [WhatIf.Outcome], model: WhatIfModel) -> HTML {
        let summary = WhatIf.Summary(outcomes)
        let changed = outcomes.filter { ($0.change ?? .zero) != .zero || $0.changesGrade || $0.problem != nil }
            .sorted { ($0.change?.magnitude ?? .zero, $1.code) > ($1.change?.magnitude ?? .zero, $0.code) }
        return HTML.group {
            HTML.element("p", [("id", "what-if-summary")]) { "\(model.year) 年：" + WhatIfTable.sentence(summary) }
            HTML.element("p", [("class", "downloads")]) {
                HTML.element("a", [("href", SiteURL.whatIfCSV.path(query: [("year", String(model.year))] + model.form.query))]) {
                    "下载全部部门（CSV）"
                }
                if changed.count > shownRows { " 下面列出变化最大的 \(shownRows) 个部门。" }
            }
            HTML.element("div", [("class", "table-scroll")]) {
                HTML.element("table", [("id", "what-if")]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for title in ["部门", "现得分", "现等级", "试算得分", "试算等级", "变化", "说明"] {
                                HTML.element("th") { title }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for outcome in changed.prefix(shownRows) {
                            HTML.element("tr", [("id", "department-\(outcome.code)")]) {
                                HTML.element("td") {
                                    HTML.element("a", [("href", SiteURL.year(code: outcome.code, year: model.year).path)]) {
                                        outcome.name
                                    }
                                }
                                HTML.element("td", [("class", "number")]) { outcome.beforeText }
                                HTML.element("td") { outcome.gradeBefore }
                                HTML.element("td", [("class", "number")]) { outcome.afterText ?? "—" }
                                HTML.element("td", [("class", outcome.changesGrade ? "severity-medium" : nil)]) {
                                    outcome.gradeAfter ?? "—"
                                }
                                HTML.element("td", [("class", "number")]) { outcome.changeText ?? "—" }
                                HTML.element("td") { WhatIfTable.note(outcome) }
                            }
                        }
                    }
                }
            }
        }
    }
}
