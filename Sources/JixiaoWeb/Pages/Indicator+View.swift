import JixiaoCore

/// The form for one indicator: where it sits in the template's framework, what it measures and its target (with
/// the target check's findings beside it), its points, and its result.
enum IndicatorView {
    static func render(_ year: DepartmentYear, form: IndicatorForm, existing: String?, errors: FieldErrors,
                       message: String?, user: CurrentUser, csrf: String) -> String {
        let (code, number) = (year.department.code, year.year)
        let title = existing == nil ? "新增指标" : "修改指标 \(existing!)"
        let findings = targetFindings(year, id: existing)
        return Layout.page(title: title, user: user, csrf: csrf) {
            Layout.heading(title, code: code, name: year.department.name, year: number)
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.indicators(code: code, year: number).path)]) { "← 绩效指标" }
            }
            FormControls.summary(errors, message: message)
            HTML.element("form", [("method", "post"), ("class", "stack wide"), ("novalidate", "novalidate"),
                                  ("action", existing.map { SiteURL.indicatorEdit(code: code, year: number, id: $0).path }
                                      ?? SiteURL.indicatorNew(code: code, year: number).path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                if let version = form.version {
                    HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", String(version))])
                }
                if existing == nil {
                    FormControls.field("id", "指标编号", errors: errors) { FormControls.text("id", value: form.id, errors: errors) }
                }
                FormControls.field("level1", "一级指标", errors: errors) {
                    FormControls.select("level1", options: year.template.levels.map { ($0.name, $0.name) },
                                        selected: form.level1, errors: errors)
                }
                FormControls.field("level2", "二级指标", errors: errors) {
                    HTML.element("input", [("type", "text"), ("name", "level2"), ("id", "level2"), ("list", "level2-options"),
                                           ("value", form.level2), ("aria-invalid", errors["level2"] == nil ? nil : "true")])
                    HTML.element("datalist", [("id", "level2-options")]) {
                        for child in year.template.levels.flatMap(\.children) { HTML.element("option", [("value", child)]) }
                    }
                }
                FormControls.field("name", "三级指标（名称）", errors: errors) {
                    FormControls.text("name", value: form.name, errors: errors)
                }
                FormControls.field("nature", "性质", errors: errors) {
                    FormControls.select("nature", options: Indicator.Nature.allCases.map { ($0.rawValue, $0.chinese) },
                                        selected: form.nature, errors: errors)
                }
                FormControls.field("direction", "方向（定量指标）", errors: errors) {
                    FormControls.select("direction", options: Indicator.Direction.allCases.map { ($0.rawValue, $0.symbol) },
                                        selected: form.direction, errors: errors)
                }
                FormControls.field("target", "年度指标值", errors: errors) {
                    FormControls.text("target", value: form.target, errors: errors)
                    for finding in findings {
                        HTML.element("div", [("class", "severity-\(finding.severity.rawValue) target-check")]) {
                            "目标检查：\(finding.message) 建议：\(finding.measure)"
                        }
                    }
                }
                FormControls.field("unit", "计量单位", errors: errors) { FormControls.text("unit", value: form.unit, errors: errors) }
                FormControls.field("weight", "分值", errors: errors) {
                    FormControls.text("weight", value: form.weight, errors: errors, mode: "decimal")
                }
                FormControls.field("formula", "计算公式（效益、满意度指标须填写公式或数据来源）", errors: errors) {
                    FormControls.text("formula", value: form.formula, errors: errors)
                }
                FormControls.field("source", "数据来源", errors: errors) {
                    FormControls.text("source", value: form.source, errors: errors)
                }
                if let measured = existing.flatMap({ id in year.indicators.first { $0.id == id && $0.measure != nil } }) {
                    HTML.element("p", [("class", "who")]) {
                        "“\(measured.name)”的实际完成值由活动记录计算，不需填写。"
                    }
                } else {
                    FormControls.field("actual", "实际完成值（年末填写）", errors: errors) {
                        FormControls.text("actual", value: form.actual, errors: errors)
                    }
                }
                FormControls.field("deviation", "偏差原因分析及改进措施", errors: errors) {
                    HTML.element("textarea", [("name", "deviation"), ("id", "deviation"), ("rows", "3")]) { form.deviation ?? "" }
                }
                HTML.element("button", [("type", "submit")]) { "保存" }
            }
            if let existing {
                HTML.element("form", [("method", "post"),
                                      ("action", SiteURL.indicatorAction(code: code, year: number, id: existing,
                                                                         action: "delete").path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", form.version.map(String.init))])
                    HTML.element("button", [("type", "submit"), ("class", "danger")]) { "删除这项指标" }
                }
            }
        }
    }

    /// What the target check says about the stored indicator's target.
    private static func targetFindings(_ year: DepartmentYear, id: String?) -> [Finding] {
        guard let id, let index = year.indicators.firstIndex(where: { $0.id == id }) else { return [] }
        return FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year))
            .filter { $0.subject == "indicators[\(index)]" && $0.theme == .targets }
    }
}
