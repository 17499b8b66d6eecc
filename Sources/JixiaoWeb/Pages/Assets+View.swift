import JixiaoCore

/// 资产: the assets at a date in 万元, the declared total checked against its parts, and the form (in 元).
enum AssetsView {
    static func render(_ model: AssetsModel, message: String?, problems: [String], user: CurrentUser,
                       csrf: String) -> String {
        let (code, number, form) = (model.code, model.year, model.form)
        return Layout.page(title: "资产", user: user, csrf: csrf) {
            Layout.heading("资产", code: code, name: model.name, year: number)
            FormControls.outcome(message: message, problems: problems)
            if let figures = model.figures {
                HTML.element("div", [("class", "table-scroll")]) {
                    HTML.element("table", [("id", "assets")]) {
                        HTML.element("thead") {
                            HTML.element("tr") {
                                for title in ["截止日期", "流动资产（万元）", "非流动资产（万元）", "资产总额（万元）"] {
                                    HTML.element("th") { title }
                                }
                            }
                        }
                        HTML.element("tbody") {
                            HTML.element("tr") {
                                HTML.element("td") { figures.asOf }
                                HTML.element("td", [("class", "number")]) { figures.current }
                                HTML.element("td", [("class", "number")]) { figures.nonCurrent }
                                HTML.element("td", [("class", "number")]) {
                                    figures.total + (figures.mismatch.map { "（\($0)）" } ?? "")
                                }
                            }
                        }
                    }
                }
            } else {
                HTML.element("p") { "还没有填报资产数据。" }
            }
            if model.mayChange {
                HTML.element("h2") { model.figures == nil ? "填报资产" : "修改资产" }
                HTML.element("form", [("method", "post"), ("class", "stack wide"),
                                      ("action", SiteURL.records(code: code, year: number, kind: "assets").path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", form.version.map(String.init))])
                    HTML.element("label") {
                        "截止日期"
                        HTML.element("input", [("type", "date"), ("name", "asOf"), ("value", form.asOf)])
                    }
                    for (name, label, value) in [("current", "流动资产（元）", form.current),
                                                 ("nonCurrent", "非流动资产（元）", form.nonCurrent),
                                                 ("total", "资产总额（元，可不填；与两项之和不符时列为问题）", form.total)] {
                        HTML.element("label") {
                            label
                            HTML.element("input", [("type", "text"), ("name", name), ("value", value), ("inputmode", "decimal")])
                        }
                    }
                    HTML.element("button", [("type", "submit")]) { "保存" }
                }
            }
        }
    }
}
