import Foundation

/// The payment list with its filters and paging, the add form, and the edit form.
enum PaymentsView {
    static func render(_ model: PaymentsModel, form: PaymentForm, errors: FieldErrors, message: String?,
                       user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "支付明细", user: user, csrf: csrf) {
            Layout.heading("支付明细", code: model.code, name: model.name, year: model.year)
            if errors.isEmpty {
                if let message { HTML.element("p", [("class", "notice"), ("role", "status")]) { message } }
            } else {
                FormControls.summary(errors, message: message)
            }
            filterForm(model)
            HTML.element("p", [("id", "summary")]) {
                "共 \(model.matching) 笔，合计 \(model.total) 元" + (model.pages > 1 ? "；第 \(model.page)/\(model.pages) 页" : "")
            }
            HTML.element("table") {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["支付日期", "预算项目", "金额（元）", "收款人", "凭证号", "摘要", ""] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for row in model.rows {
                        HTML.element("tr") {
                            HTML.element("td") { row.date }
                            HTML.element("td") { row.line }
                            HTML.element("td", [("class", "number")]) { row.amount }
                            HTML.element("td") { row.payee }
                            HTML.element("td") { row.voucher }
                            HTML.element("td") { row.memo }
                            HTML.element("td") {
                                if model.mayChange {
                                    HTML.element("a", [("href", SiteURL.payment(code: model.code, year: model.year,
                                                                                id: row.id).path)]) { "修改" }
                                }
                            }
                        }
                    }
                }
            }
            pager(model)
            if model.mayChange {
                HTML.element("h2") { "新增支付" }
                fields(model: model, form: form, errors: errors, csrf: csrf,
                       action: SiteURL.payments(code: model.code, year: model.year).path, submit: "保存")
            }
        }
    }

    static func edit(_ model: PaymentsModel, id: UUID, form: PaymentForm, errors: FieldErrors, message: String?,
                     user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "修改支付", user: user, csrf: csrf) {
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.payments(code: model.code, year: model.year).path)]) { "← 支付明细" }
            }
            HTML.element("h1") { "修改支付" }
            FormControls.summary(errors, message: message)
            fields(model: model, form: form, errors: errors, csrf: csrf,
                   action: SiteURL.payment(code: model.code, year: model.year, id: id).path, submit: "保存修改")
            HTML.element("form", [("method", "post"),
                                  ("action", SiteURL.deletePayment(code: model.code, year: model.year, id: id).path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", form.version.map(String.init))])
                HTML.element("button", [("type", "submit"), ("class", "danger")]) { "删除这笔支付" }
            }
        }
    }

    private static func filterForm(_ model: PaymentsModel) -> HTML {
        HTML.element("form", [("method", "get"), ("class", "filters"),
                              ("action", SiteURL.payments(code: model.code, year: model.year).path)]) {
            FormControls.filter("line", "预算项目", everything: "全部",
                                options: model.lines.map { ($0.code, "\($0.code) \($0.name)") }, selected: model.filter.line)
            if !model.projects.isEmpty {
                FormControls.filter("project", "项目", everything: "全部",
                                    options: model.projects.map { ($0.code, "\($0.code) \($0.name)") }, selected: model.project)
            }
            FormControls.filter("month", "月份", everything: "全年", options: (1...12).map { (String($0), "\($0) 月") },
                                selected: model.filter.month.map(String.init))
            HTML.element("button", [("type", "submit")]) { "筛选" }
        }
    }

    private static func pager(_ model: PaymentsModel) -> HTML {
        HTML.group {
            if model.pages > 1 {
                HTML.element("nav", [("class", "pager"), ("aria-label", "分页")]) {
                    for page in 1...model.pages {
                        if page == model.page {
                            HTML.element("strong", [("aria-current", "page")]) { String(page) }
                        } else {
                            HTML.element("a", [("href", link(model, page: page))]) { String(page) }
                        }
                    }
                }
            }
        }
    }

    /// A page of the list with the same filters.
    private static func link(_ model: PaymentsModel, page: Int) -> String {
        SiteURL.payments(code: model.code, year: model.year).path(query: [
            ("page", String(page)), ("line", model.filter.line), ("project", model.project),
            ("month", model.filter.month.map(String.init)),
        ])
    }

    /// The payment fields, each with its error beside it.
    private static func fields(model: PaymentsModel, form: PaymentForm, errors: FieldErrors, csrf: String,
                               action: String, submit: String) -> HTML {
        HTML.element("form", [("method", "post"), ("action", action), ("class", "stack wide"), ("novalidate", "novalidate")]) {
            HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
            if let version = form.version {
                HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", String(version))])
            }
            FormControls.field("line", "预算项目", errors: errors) {
                HTML.element("select", [("name", "line"), ("id", "line"), ("aria-invalid", errors["line"] == nil ? nil : "true")]) {
                    HTML.element("option", [("value", "")]) { "请选择" }
                    for line in model.lines {
                        HTML.element("option", [("value", line.code), ("selected", form.line == line.code ? "selected" : nil)]) {
                            "\(line.code) \(line.name)"
                        }
                    }
                }
            }
            FormControls.field("date", "支付日期", errors: errors) {
                HTML.element("input", [("type", "text"), ("name", "date"), ("id", "date"), ("value", form.date),
                                       ("placeholder", "\(model.year)-03-05"), ("inputmode", "numeric"),
                                       ("aria-invalid", errors["date"] == nil ? nil : "true")])
            }
            FormControls.field("amount", "金额（元）", errors: errors) {
                HTML.element("input", [("type", "text"), ("name", "amount"), ("id", "amount"), ("value", form.amount),
                                       ("inputmode", "decimal"), ("aria-invalid", errors["amount"] == nil ? nil : "true")])
            }
            for (name, label) in [("payee", "收款人"), ("voucher", "凭证号"), ("memo", "摘要")] {
                FormControls.field(name, label, errors: errors) {
                    HTML.element("input", [("type", "text"), ("name", name), ("id", name),
                                           ("value", name == "payee" ? form.payee : name == "voucher" ? form.voucher : form.memo)])
                }
            }
            HTML.element("button", [("type", "submit")]) { submit }
        }
    }
}
