import JixiaoCore

/// 采购: each procurement with its deadline checks; for the department's people, a form per procurement with each
/// check beside the date that closes it (the rule beside a date not yet given), a remove button and a form for a new one.
enum ProcurementsView {
    static func render(_ model: ProcurementsModel, typed: ProcurementForm?, message: String?, problems: [String],
                       user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "采购", user: user, csrf: csrf) {
            Layout.heading("采购", code: model.code, name: model.name, year: model.year)
            FormControls.outcome(message: message, problems: problems)
            if model.entries.isEmpty { HTML.element("p") { "本年度没有采购记录。" } }
            for entry in model.entries {
                HTML.element("section", [("class", "card procurement"), ("id", "procurement-\(entry.index)")]) {
                    HTML.element("h2") { entry.heading }
                    HTML.element("ul", [("class", "deadlines")]) {
                        for check in entry.checks { HTML.element("li", [("class", check.cssClass)]) { check.text } }
                    }
                    if model.mayChange {
                        HTML.element("details") {
                            HTML.element("summary") { "修改" }
                            form(model, index: entry.index, values: typed?.index == entry.index ? typed! : entry.form,
                                 csrf: csrf)
                            HTML.element("form", [("method", "post"), ("action", action(model))]) {
                                hidden(csrf: csrf, digest: model.digest, index: entry.index)
                                HTML.element("button", [("type", "submit"), ("name", "action"), ("value", "delete"),
                                                        ("class", "danger")]) { "删除这项采购" }
                            }
                        }
                    }
                }
            }
            if model.mayChange {
                HTML.element("h2") { "新增采购" }
                form(model, index: nil, values: typed?.index == nil ? typed ?? ProcurementForm() : ProcurementForm(),
                     csrf: csrf)
            }
        }
    }

    private static func action(_ model: ProcurementsModel) -> String {
        SiteURL.records(code: model.code, year: model.year, kind: "procurements").path
    }

    private static func form(_ model: ProcurementsModel, index: Int?, values: ProcurementForm, csrf: String) -> HTML {
        HTML.element("form", [("method", "post"), ("class", "stack wide"), ("action", action(model))]) {
            hidden(csrf: csrf, digest: model.digest, index: index)
            text("name", "采购项目名称", values.name)
            HTML.element("label") {
                "所属预算项目"
                HTML.element("select", [("name", "line")]) {
                    HTML.element("option", [("value", "")]) { "（不指定）" }
                    for line in model.lines {
                        HTML.element("option", [("value", line.code), ("selected", values.line == line.code ? "selected" : nil)]) {
                            "\(line.code) \(line.name)"
                        }
                    }
                }
            }
            text("amount", "采购金额（元）", values.amount, mode: "decimal")
            let deadlines = model.deadlines(of: values)
            for (key, label) in ProcurementForm.dates {
                let id = "\(key)-\(index ?? -1)-check"
                HTML.element("label") {
                    label
                    HTML.element("input", [("type", "date"), ("name", key), ("value", FormText.date(values.date(key))),
                                           ("aria-describedby", deadlines[key] == nil ? nil : id)])
                    if let deadline = deadlines[key] {
                        HTML.element("span", [("class", "deadline \(deadline.cssClass)"), ("id", id)]) { deadline.text }
                    }
                }
            }
            HTML.element("button", [("type", "submit"), ("name", "action"), ("value", "save")]) { "保存" }
        }
    }

    private static func hidden(csrf: String, digest: String, index: Int?) -> HTML {
        HTML.group {
            HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
            HTML.element("input", [("type", "hidden"), ("name", "digest"), ("value", digest)])
            if let index { HTML.element("input", [("type", "hidden"), ("name", "index"), ("value", String(index))]) }
        }
    }

    private static func text(_ name: String, _ label: String, _ value: String?, mode: String? = nil) -> HTML {
        HTML.element("label") {
            label
            HTML.element("input", [("type", "text"), ("name", name), ("value", value), ("inputmode", mode)])
        }
    }
}
