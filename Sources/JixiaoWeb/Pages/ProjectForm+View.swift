import JixiaoCore

/// The form of a project (new or stored): code, name, 实施单位, its template, the 项目支出 lines it holds (a line
/// another project holds is shown with that project and cannot be ticked), its goal and what was achieved — every
/// fault beside its field — and, for a stored project, the button that removes it.
enum ProjectFormView {
    /// What the form needs of the year besides the form itself.
    struct Context {
        let code: String
        let name: String
        let year: Int
        /// Every 项目支出 line of the year, with the project that holds it.
        let lines: [(code: String, name: String, heldBy: String?)]
        /// The project templates to choose from: (id, name).
        let templates: [(String, String)]

        /// `existing`: the stored project the form edits, whose own lines are free to it.
        init(_ year: DepartmentYear, existing: String?, templates: [EvaluationTemplate]) {
            code = year.department.code
            name = year.department.name
            self.year = year.year
            lines = year.budgetLines.filter { $0.kind == .project }.map { line in
                let holder = year.projects.first { $0.lines.contains(line.code) && $0.code != existing }
                return (line.code, line.name, holder.map { "\($0.code) \($0.name)" })
            }
            self.templates = templates.map { ($0.id, $0.name) }
        }
    }

    static func render(_ context: Context, form: ProjectForm, existing: String?, errors: FieldErrors, message: String?,
                       user: CurrentUser, csrf: String) -> String {
        let title = existing.map { "修改项目 \($0)" } ?? "新增项目"
        let action = existing.map { SiteURL.projectEdit(code: context.code, year: context.year, project: $0) }
            ?? SiteURL.projectNew(code: context.code, year: context.year)
        return Layout.page(title: title, user: user, csrf: csrf) {
            Layout.heading(title, code: context.code, name: context.name, year: context.year)
            FormControls.summary(errors, message: message)
            HTML.element("form", [("method", "post"), ("action", action.path), ("class", "stack wide"),
                                  ("novalidate", "novalidate"), ("id", "project-form")]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "digest"), ("value", form.digest)])
                FormControls.field("code", "项目编码", errors: errors) {
                    FormControls.text("code", value: form.code, errors: errors)
                }
                FormControls.field("name", "项目名称", errors: errors) {
                    FormControls.text("name", value: form.name, errors: errors)
                }
                FormControls.field("owner", "实施单位（处室）", errors: errors) {
                    FormControls.text("owner", value: form.owner, errors: errors)
                }
                FormControls.field("template", "评价模板", errors: errors) {
                    FormControls.select("template", options: context.templates, selected: form.template, errors: errors)
                }
                if context.lines.isEmpty {
                    HTML.element("p", [("class", "severity-medium")]) {
                        "本年度还没有项目支出类预算项目：先在“预算项目”中添加，再把它们归入项目。"
                    }
                }
                FormControls.checkboxes(
                    "lines", "预算项目（项目支出；每个预算项目只能属于一个项目）",
                    context.lines.map { ($0.code, "\($0.code) \($0.name)") }, checked: form.lines ?? [],
                    disabled: Dictionary(context.lines.compactMap { line in line.heldBy.map { (line.code, "属于 \($0)") } },
                                         uniquingKeysWith: { first, _ in first }),
                    errors: errors)
                for (name, label, value) in [("goal", "年度总体目标（预期目标）", form.goal),
                                             ("achieved", "实际完成情况（年度终了后填写）", form.achieved)] {
                    FormControls.field(name, label, errors: errors) {
                        HTML.element("textarea", [("name", name), ("id", name), ("rows", "4"),
                                                  ("aria-invalid", errors[name] == nil ? nil : "true")]) { value ?? "" }
                    }
                }
                HTML.element("p", [("class", "hint")]) {
                    "项目的绩效指标随项目一起通过填报工作簿、数据包或接口维护；这里保存项目本身，不改动已有指标。"
                }
                HTML.element("button", [("type", "submit")]) { existing == nil ? "新增项目" : "保存修改" }
            }
            if let existing {
                HTML.element("form", [("method", "post"),
                                      ("action", SiteURL.projectDelete(code: context.code, year: context.year,
                                                                       project: existing).path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "digest"), ("value", form.digest)])
                    HTML.element("button", [("type", "submit"), ("class", "danger")]) { "删除这个项目" }
                }
            }
        }
    }
}
