import Foundation
import JixiaoCore

/// A line's monthly payment plan: twelve months, their total against the budget, and the ways to fill them.
enum PlanView {
    static func render(context: YearContext, line: BudgetLine, id: UUID, hasLastYear: Bool, form: PlanForm,
                       errors: FieldErrors, message: String?, csrf: String) -> String {
        let (code, year) = (context.organisation.code, context.fiscal.year)
        let action = SiteURL.linePlan(code: code, year: year, id: id).path
        return Layout.page(title: "月度支付计划", user: context.user, csrf: csrf) {
            Layout.heading("月度支付计划：\(line.code) \(line.name)", code: code, name: context.organisation.name, year: year)
            if let message {
                HTML.element("p", [("class", errors.isEmpty ? "notice" : "error"), ("role", "status")]) { message }
            }
            HTML.element("p", [("id", "plan-total")]) { total(form, budget: line.adjusted) }
            HTML.element("form", [("method", "post"), ("action", action), ("class", "plan"), ("novalidate", "novalidate")]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", form.version.map(String.init))])
                HTML.element("div", [("class", "months")]) {
                    for month in 1...12 {
                        FormControls.field("month\(month)", "\(month) 月（元）", errors: errors) {
                            FormControls.text("month\(month)", value: form.months[month], errors: errors, mode: "decimal")
                        }
                    }
                }
                if context.mayChange {
                    HTML.element("p", [("class", "actions")]) {
                        HTML.element("button", [("type", "submit"), ("name", "action"), ("value", "save")]) { "保存计划" }
                    }
                    HTML.element("fieldset") {
                        HTML.element("legend") { "自动填写（填入上表，核对后再保存）：按全年预算数 \(line.adjusted.wanString) 万元分摊，或汇总工作计划的计划支付" }
                        HTML.element("label", [("class", "inline")]) {
                            "从"
                            HTML.element("select", [("name", "from")]) {
                                for month in 1...12 {
                                    HTML.element("option", [("value", String(month)),
                                                            ("selected", month == form.from ? "selected" : nil)]) { "\(month) 月" }
                                }
                            }
                            "到 12 月"
                        }
                        HTML.element("button", [("type", "submit"), ("name", "action"), ("value", "even"),
                                                ("class", "secondary")]) { "平均分摊" }
                        HTML.element("button", [("type", "submit"), ("name", "action"), ("value", "workPlan"),
                                                ("class", "secondary")]) { "按工作计划汇总" }
                        if hasLastYear {
                            HTML.element("button", [("type", "submit"), ("name", "action"), ("value", "lastYear"),
                                                    ("class", "secondary")]) { "按上年各月支付比例分摊" }
                        }
                    }
                }
            }
        }
    }

    /// The plan's total against the budget, when every month reads.
    private static func total(_ form: PlanForm, budget: Money) -> String {
        guard case .success(let plan) = form.validated() else { return "计划合计：有金额需要改正。" }
        let sum = plan.map(\.amount).sum()
        let gap = budget - sum
        return "计划合计 \(sum.wanString) 万元，全年预算数 \(budget.wanString) 万元"
            + (gap == .zero ? "，一致。" : gap > .zero ? "，尚有 \(gap.wanString) 万元未列入计划。"
                : "，超出预算 \((sum - budget).wanString) 万元。")
    }
}
