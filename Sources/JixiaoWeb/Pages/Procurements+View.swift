import JixiaoCore

/// 采购: each procurement with its deadline checks; for the department's people, a form per procurement with each
/// check beside the date that closes it (the rule beside a date not yet given), a remove button and a form for a new one.
enum ProcurementsView {
    static func render(_ year: DepartmentYear, digest: String, mayChange: Bool, typed: ProcurementForm?,
                       message: String?, problems: [String], user: CurrentUser, csrf: String) -> String {
        let (code, number) = (year.department.code, year.year)
        return Layout.page(title: "采购", user: user, csrf: csrf) {
            Layout.heading("采购", code: code, name: year.department.name, year: number)
            FormControls.outcome(message: message, problems: problems)
            if year.procurements.isEmpty { HTML.element("p") { "本年度没有采购记录。" } }
            for (index, procurement) in year.procurements.enumerated() {
                HTML.element("section", [("class", "card procurement"), ("id", "procurement-\(index)")]) {
                    HTML.element("h2") { "\(procurement.name)（\(procurement.amount.wanString) 万元）" }
                    HTML.element("ul", [("class", "deadlines")]) {
                        for check in ProcurementDeadlines.check(procurement, calendar: year.workCalendar) {
                            HTML.element("li", [("class", status(check).cssClass)]) {
                                "\(check.step.chinese)：\(status(check).text)"
                            }
                        }
                    }
                    if mayChange {
                        HTML.element("details") {
                            HTML.element("summary") { "修改" }
                            form(year, index: index, values: typed?.index == index ? typed! : ProcurementForm(procurement),
                                 digest: digest, csrf: csrf)
                            HTML.element("form", [("method", "post"),
                                                  ("action", SiteURL.records(code: code, year: number, kind: "procurements").path)]) {
                                hidden(csrf: csrf, digest: digest, index: index)
                                HTML.element("button", [("type", "submit"), ("name", "action"), ("value", "delete"),
                                                        ("class", "danger")]) { "删除这项采购" }
                            }
                        }
                    }
                }
            }
            if mayChange {
                HTML.element("h2") { "新增采购" }
                form(year, index: nil, values: typed?.index == nil ? typed ?? ProcurementForm() : ProcurementForm(),
                     digest: digest, csrf: csrf)
            }
        }
    }

    /// How a deadline's check reads: kept, broken or open, with its dates and the limit.
    private static func status(_ check: ProcurementDeadlines.Check) -> (text: String, cssClass: String) {
        let span = "\(check.from?.description ?? "—") → \(check.to?.description ?? "—")"
        switch check.status {
        case .kept:
            let text = check.step == .intent ? "提前 \(check.elapsed ?? 0) 天（不少于 \(check.limit) 天）"
                : "\(check.elapsed ?? 0) \(check.unit)（不超过 \(check.limit) \(check.unit)）"
            return ("✓ \(span)，\(text)", "ok")
        case .broken:
            let text = check.step == .intent ? "仅提前 \(check.elapsed ?? 0) 天，不足 \(check.limit) 天"
                : "用时 \(check.elapsed ?? 0) \(check.unit)，超过 \(check.limit) \(check.unit)"
            return ("✗ \(span)，\(text)", "severity-high")
        case .open:
            return ("尚无日期（\(span)）", "severity-low")
        }
    }

    private static func form(_ year: DepartmentYear, index: Int?, values: ProcurementForm, digest: String,
                             csrf: String) -> HTML {
        HTML.element("form", [("method", "post"), ("class", "stack wide"),
                              ("action", SiteURL.records(code: year.department.code, year: year.year,
                                                         kind: "procurements").path)]) {
            hidden(csrf: csrf, digest: digest, index: index)
            text("name", "采购项目名称", values.name)
            HTML.element("label") {
                "所属预算项目"
                HTML.element("select", [("name", "line")]) {
                    HTML.element("option", [("value", "")]) { "（不指定）" }
                    for line in year.budgetLines {
                        HTML.element("option", [("value", line.code), ("selected", values.line == line.code ? "selected" : nil)]) {
                            "\(line.code) \(line.name)"
                        }
                    }
                }
            }
            text("amount", "采购金额（元）", values.amount, mode: "decimal")
            let checks = ProcurementDeadlines.check(values.datesAsTyped, calendar: year.workCalendar)
            for (key, label) in ProcurementForm.dates {
                let check = checks.first { $0.step.closingField == key }
                HTML.element("label") {
                    label
                    HTML.element("input", [("type", "date"), ("name", key), ("value", FormText.date(values.date(key))),
                                           ("aria-describedby", check == nil ? nil : "\(key)-\(index ?? -1)-check")])
                    if let check {
                        let shown = check.status == .open ? (check.step.rule(limit: check.limit), "basis")
                            : status(check)
                        HTML.element("span", [("class", "deadline \(shown.1)"), ("id", "\(key)-\(index ?? -1)-check")]) {
                            shown.0
                        }
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

extension ProcurementForm {
    /// The form filled with a stored procurement.
    init(_ procurement: Procurement) {
        self.init()
        name = procurement.name
        line = procurement.line
        amount = procurement.amount.yuanString
        intentPublished = procurement.intentPublished?.description
        started = procurement.started?.description
        awarded = procurement.awarded?.description
        contractSigned = procurement.contractSigned?.description
        contractPublished = procurement.contractPublished?.description
        contractFiled = procurement.contractFiled?.description
    }
}
