import JixiaoCore

/// The form for one work-plan task: what, who, when, what it delivers and serves, and where it stands.
enum TaskView {
    static func render(_ year: DepartmentYear, form: TaskForm, existing: String?, errors: FieldErrors, message: String?,
                       user: CurrentUser, csrf: String) -> String {
        let (code, number) = (year.department.code, year.year)
        let title = existing == nil ? "新增任务" : "修改任务 \(existing!)"
        return Layout.page(title: title, user: user, csrf: csrf) {
            Layout.heading(title, code: code, name: year.department.name, year: number)
            HTML.element("p") { HTML.element("a", [("href", SiteURL.workPlan(code: code, year: number).path)]) { "← 工作计划" } }
            FormControls.summary(errors, message: message)
            HTML.element("form", [("method", "post"), ("action", (existing.map { SiteURL.task(code: code, year: number, id: $0) }
                                                     ?? SiteURL.tasks(code: code, year: number)).path),
                                  ("class", "stack wide"), ("novalidate", "novalidate")]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                if let version = form.version {
                    HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", String(version))])
                }
                if existing == nil {
                    FormControls.field("id", "任务编号", errors: errors) { FormControls.text("id", value: form.id, errors: errors) }
                }
                FormControls.field("keyTask", "服务的重点工作任务", errors: errors) {
                    FormControls.select("keyTask", options: year.tasks.enumerated().map { (String($0.offset + 1), "\($0.offset + 1). \($0.element)") },
                                        selected: form.keyTask, errors: errors)
                }
                FormControls.field("title", "任务名称", errors: errors) { FormControls.text("title", value: form.title, errors: errors) }
                FormControls.field("owner", "责任人或责任科室", errors: errors) { FormControls.text("owner", value: form.owner, errors: errors) }
                for (field, label, value) in [("start", "开始日期", form.start), ("due", "完成时限", form.due)] {
                    FormControls.field(field, label, errors: errors) {
                        HTML.element("input", [("type", "date"), ("name", field), ("id", field), ("value", value),
                                               ("aria-invalid", errors[field] == nil ? nil : "true")])
                    }
                }
                FormControls.field("deliverable", "交付成果", errors: errors) {
                    FormControls.text("deliverable", value: form.deliverable, errors: errors)
                }
                FormControls.field("requirement", "工作要求", errors: errors) {
                    FormControls.text("requirement", value: form.requirement, errors: errors)
                }
                FormControls.checkboxes("indicators", "关联绩效指标", year.indicators.map { ($0.id, "\($0.id) \($0.name)") },
                           checked: form.indicators ?? [], errors: errors)
                FormControls.checkboxes("lines", "关联预算项目", year.budgetLines.map { ($0.code, "\($0.code) \($0.name)") },
                           checked: form.lines ?? [], errors: errors)
                plannedPayments(year, form: form, errors: errors)
                FormControls.field("status", "状态", errors: errors) {
                    FormControls.select("status", options: WorkTask.Status.allCases.map { ($0.rawValue, $0.chinese) },
                                        selected: form.status, errors: errors)
                }
                FormControls.field("progress", "完成进度（%）", errors: errors) {
                    FormControls.text("progress", value: form.progress, errors: errors, mode: "decimal")
                }
                FormControls.field("completed", "完成日期（已完成的任务填写）", errors: errors) {
                    HTML.element("input", [("type", "date"), ("name", "completed"), ("id", "completed"), ("value", form.completed),
                                           ("aria-invalid", errors["completed"] == nil ? nil : "true")])
                }
                HTML.element("button", [("type", "submit")]) { "保存" }
            }
            if let existing {
                HTML.element("form", [("method", "post"), ("action", SiteURL.taskDelete(code: code, year: number, id: existing).path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", form.version.map(String.init))])
                    HTML.element("button", [("type", "submit"), ("class", "danger")]) { "删除这项任务" }
                }
            }
        }
    }

    /// 计划支付: one row per planned payment and three blank rows for new ones.
    private static func plannedPayments(_ year: DepartmentYear, form: TaskForm, errors: FieldErrors) -> HTML {
        let count = (form.plannedAmount?.count ?? 0) + 3
        return HTML.element("fieldset", [("class", "checks"), ("aria-invalid", errors["plannedPayments"] == nil ? nil : "true")]) {
            HTML.element("legend") { "计划支付（元；不填金额的行不保存）" }
            for index in 0..<count {
                HTML.element("div", [("class", "planned")]) {
                    HTML.element("select", [("name", "plannedLine[]"), ("aria-label", "预算项目")]) {
                        for line in year.budgetLines {
                            HTML.element("option", [("value", line.code),
                                                    ("selected", form.plannedLine?[safe: index] == line.code ? "selected" : nil)]) {
                                "\(line.code) \(line.name)"
                            }
                        }
                    }
                    HTML.element("select", [("name", "plannedMonth[]"), ("aria-label", "月份")]) {
                        for month in 1...12 {
                            HTML.element("option", [("value", String(month)),
                                                    ("selected", form.plannedMonth?[safe: index] == String(month) ? "selected" : nil)]) {
                                "\(month) 月"
                            }
                        }
                    }
                    HTML.element("input", [("type", "text"), ("name", "plannedAmount[]"), ("inputmode", "decimal"),
                                           ("aria-label", "金额（元）"), ("value", form.plannedAmount?[safe: index])])
                }
            }
            if let error = errors["plannedPayments"] {
                HTML.element("span", [("class", "field-error"), ("id", "plannedPayments-error")]) { error }
            }
        }
    }
}
