import Foundation
import JixiaoCore

/// The budget lines of a year with the add form, and the edit form.
enum LinesView {
    struct Row {
        let id: UUID
        let line: BudgetLine
    }

    static let kinds = BudgetLine.Kind.allCases.map { ($0.rawValue, $0.chinese) }
    static let sources = BudgetLine.FundingSource.allCases.map { ($0.rawValue, $0.chinese) }

    static func render(code: String, name: String, year: Int, rows: [Row], mayChange: Bool, form: LineForm,
                       errors: FieldErrors, message: String?, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "预算项目", user: user, csrf: csrf) {
            Layout.heading("预算项目", code: code, name: name, year: year)
            if errors.isEmpty {
                if let message { HTML.element("p", [("class", "notice"), ("role", "status")]) { message } }
            } else {
                FormControls.summary(errors, message: message)
            }
            HTML.element("table") {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["编码", "项目", "类别", "年初预算数（元）", "全年预算数（元）", "填报执行数（元）", ""] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for row in rows {
                        HTML.element("tr") {
                            HTML.element("td") { row.line.code }
                            HTML.element("td") { row.line.name }
                            HTML.element("td") { row.line.kind.chinese }
                            HTML.element("td", [("class", "number")]) { Figures.yuan(row.line.initial) }
                            HTML.element("td", [("class", "number")]) { Figures.yuan(row.line.adjusted) }
                            HTML.element("td", [("class", "number")]) {
                                row.line.declaredExecuted.map(Figures.yuan) ?? "按支付明细"
                            }
                            HTML.element("td") {
                                if mayChange {
                                    HTML.element("a", [("href", SiteURL.line(code: code, year: year, id: row.id).path)]) { "修改" }
                                    " "
                                }
                                HTML.element("a", [("href", SiteURL.linePlan(code: code, year: year, id: row.id).path)]) {
                                    "月度计划"
                                }
                            }
                        }
                    }
                }
            }
            if mayChange {
                HTML.element("h2") { "新增预算项目" }
                fields(form: form, errors: errors, csrf: csrf, action: SiteURL.lines(code: code, year: year).path,
                       submit: "保存")
            }
        }
    }

    static func edit(code: String, name: String, year: Int, id: UUID, form: LineForm, errors: FieldErrors,
                     message: String?, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "修改预算项目", user: user, csrf: csrf) {
            Layout.heading("修改预算项目", code: code, name: name, year: year)
            FormControls.summary(errors, message: message)
            fields(form: form, errors: errors, csrf: csrf, action: SiteURL.line(code: code, year: year, id: id).path,
                   submit: "保存修改")
            HTML.element("form", [("method", "post"), ("action", SiteURL.lineDelete(code: code, year: year, id: id).path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", form.version.map(String.init))])
                HTML.element("button", [("type", "submit"), ("class", "danger")]) { "删除这个预算项目" }
            }
        }
    }

    private static func fields(form: LineForm, errors: FieldErrors, csrf: String, action: String,
                               submit: String) -> HTML {
        HTML.element("form", [("method", "post"), ("action", action), ("class", "stack wide"), ("novalidate", "novalidate")]) {
            HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
            if let version = form.version {
                HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", String(version))])
            }
            FormControls.field("code", "项目编码", errors: errors) { FormControls.text("code", value: form.code, errors: errors) }
            FormControls.field("name", "项目名称", errors: errors) { FormControls.text("name", value: form.name, errors: errors) }
            FormControls.field("kind", "类别", errors: errors) {
                FormControls.select("kind", options: kinds, selected: form.kind, errors: errors)
            }
            FormControls.field("source", "资金来源（可不选：按财政拨款）", errors: errors) {
                FormControls.select("source", options: sources, selected: form.source, errors: errors)
            }
            FormControls.field("initial", "年初预算数（元）", errors: errors) {
                FormControls.text("initial", value: form.initial, errors: errors, mode: "decimal")
            }
            FormControls.field("adjusted", "全年预算数（元）", errors: errors) {
                FormControls.text("adjusted", value: form.adjusted, errors: errors, mode: "decimal")
            }
            FormControls.field("executed", "填报执行数（元，可空：空则按支付明细合计）", errors: errors) {
                FormControls.text("executed", value: form.executed, errors: errors, mode: "decimal")
            }
            HTML.element("button", [("type", "submit")]) { submit }
        }
    }
}
