import JixiaoCore
import JixiaoReport

/// One indicator's progress: the reports so far and the form for a new one.
enum IndicatorProgressView {
    static func render(_ year: DepartmentYear, indicator: Indicator, form: ProgressForm, errors: FieldErrors,
                       mayChange: Bool, user: CurrentUser, csrf: String) -> String {
        let (code, number) = (year.department.code, year.year)
        return Layout.page(title: "指标进度", user: user, csrf: csrf) {
            Layout.heading("指标进度：\(indicator.name)", code: code, name: year.department.name, year: number)
            HTML.element("p") {
                "年度指标值：\(IndicatorText.target(indicator))；分值 \(indicator.weight)。"
                HTML.element("a", [("href", SiteURL.monitoring(code: code, year: number).path)]) { "运行监控 →" }
            }
            history(indicator)
            if mayChange {
                HTML.element("h2") { "填报进度" }
                if !errors.isEmpty {
                    HTML.element("p", [("class", "error"), ("role", "alert")]) { "请改正下面标出的 \(errors.count) 处后再保存。" }
                }
                HTML.element("form", [("method", "post"), ("class", "stack wide"),
                                      ("action", SiteURL.indicatorProgress(code: code, year: number, id: indicator.id).path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    FormControls.field("asOf", "截至日期", errors: errors) {
                        HTML.element("input", [("type", "date"), ("name", "asOf"), ("id", "asOf"), ("value", form.asOf),
                                               ("min", "\(number)-01-01"), ("max", "\(number)-12-31")])
                    }
                    FormControls.field("actual", "累计完成值" + (indicator.unit.isEmpty ? "" : "（\(indicator.unit)）"),
                                       errors: errors) {
                        FormControls.text("actual", value: form.actual, errors: errors)
                    }
                    FormControls.field("projected", "全年预计完成值（可空：空则按进度推算）", errors: errors) {
                        FormControls.text("projected", value: form.projected, errors: errors)
                    }
                    FormControls.field("likelihood", "完成目标可能性（可空：空则按进度判断）", errors: errors) {
                        FormControls.select("likelihood", options: IndicatorProgress.Likelihood.allCases.map {
                            ($0.rawValue, $0.chinese)
                        }, selected: form.likelihood, errors: errors)
                    }
                    FormControls.field("cause", "偏差原因（可能性不是“确定能”时必填）", errors: errors) {
                        FormControls.select("cause", options: IndicatorProgress.Cause.allCases.map { ($0.rawValue, $0.chinese) },
                                            selected: form.cause, errors: errors)
                    }
                    FormControls.field("remedy", "改进措施（可能性不是“确定能”时必填）", errors: errors) {
                        HTML.element("textarea", [("name", "remedy"), ("id", "remedy"), ("rows", "3"),
                                                  ("aria-invalid", errors["remedy"] == nil ? nil : "true")]) { form.remedy ?? "" }
                    }
                    HTML.element("button", [("type", "submit")]) { "保存" }
                }
            }
        }
    }

    private static func history(_ indicator: Indicator) -> HTML {
        HTML.group {
            HTML.element("h2") { "已填报的进度" }
            if indicator.progress.isEmpty {
                HTML.element("p") { "还没有填报。" + (indicator.measure == nil ? "" : "本指标按活动记录自动计算进度。") }
            } else {
                HTML.element("table", [("id", "progress-history")]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for title in ["截至日期", "累计完成", "全年预计", "完成目标可能性", "偏差原因", "改进措施"] {
                                HTML.element("th") { title }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for report in indicator.progress.reversed() {
                            HTML.element("tr") {
                                HTML.element("td") { report.asOf.description }
                                HTML.element("td") { report.actualText }
                                HTML.element("td") { report.projectedText ?? "按进度推算" }
                                HTML.element("td") { report.likelihood?.chinese ?? "按进度判断" }
                                HTML.element("td") { report.cause?.chinese ?? "" }
                                HTML.element("td") { report.remedy }
                            }
                        }
                    }
                }
            }
        }
    }
}
