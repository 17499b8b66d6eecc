/// 基本情况: the department's overview, the year's key tasks and its overall goal, as the report's first part uses
/// them.
enum BasicsView {
    static func render(_ model: BasicsModel, message: String?, problems: [String], user: CurrentUser,
                       csrf: String) -> String {
        Layout.page(title: "基本情况", user: user, csrf: csrf) {
            Layout.heading("基本情况", code: model.code, name: model.name, year: model.year)
            FormControls.outcome(message: message, problems: problems)
            HTML.element("form", [("method", "post"), ("class", "stack wide"),
                                  ("action", SiteURL.basics(code: model.code, year: model.year).path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", String(model.version))])
                area("overview", "部门基本情况（职能、机构、人员等）", model.overview, rows: 8, mayChange: model.mayChange)
                area("tasks", "年度重点工作任务（每行一项；工作计划按序号引用）", model.tasks, rows: 6,
                     mayChange: model.mayChange)
                area("goal", "年度总体目标（属于绩效目标，送审后锁定）", model.goal, rows: 5, mayChange: model.mayChange)
                if model.mayChange { HTML.element("button", [("type", "submit")]) { "保存" } }
            }
        }
    }

    private static func area(_ name: String, _ label: String, _ value: String, rows: Int, mayChange: Bool) -> HTML {
        HTML.element("div", [("class", "field")]) {
            HTML.element("label", [("for", name)]) { label }
            HTML.element("textarea", [("name", name), ("id", name), ("rows", String(rows)),
                                      ("readonly", mayChange ? nil : "readonly")]) { value }
        }
    }
}
