/// The department-year overview.
enum OverviewView {
    static func render(_ model: OverviewModel, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "\(model.name) \(model.year) 年", user: user, csrf: csrf) {
            HTML.element("h1") { "\(model.name) · \(model.year) 年" }
            HTML.element("p", [("class", "who")]) { "评价模板：\(model.templateName)" }
            HTML.element("section", [("class", "cards"), ("aria-label", "年度概况")]) {
                card("全年预算数（万元）", model.adjusted, id: "adjusted")
                card("执行数（万元）", model.executed, id: "executed")
                card("预算执行率", model.rate, id: "rate")
                card("自评得分", "\(model.total)（\(model.grade)）", id: "total")
            }
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.evaluation(code: model.code, year: model.year).path)]) {
                    "查看每项得分的计算依据 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.indicators(code: model.code, year: model.year).path)]) {
                    "绩效指标与目标检查 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.narrative(code: model.code, year: model.year).path)]) {
                    "编辑报告文字 →"
                }
                for (kind, label) in [("activities", "活动记录"), ("procurements", "采购"), ("assets", "资产")] {
                    " "
                    HTML.element("a", [("href", SiteURL.records(code: model.code, year: model.year, kind: kind).path)]) {
                        label + " →"
                    }
                }
            }
            HTML.element("h2") { "运行监控（双监控）" }
            HTML.element("form", [("method", "get"), ("class", "filters"),
                                  ("action", SiteURL.year(code: model.code, year: model.year).path)]) {
                HTML.element("label") {
                    "截至日期"
                    HTML.element("input", [("type", "date"), ("name", "asOf"), ("value", model.monitoring.asOf.description),
                                           ("min", "\(model.year)-01-01"), ("max", "\(model.year)-12-31")])
                }
                HTML.element("button", [("type", "submit")]) { "查看" }
            }
            HTML.element("p", [("id", "monitoring")]) {
                "截至 \(model.monitoring.asOf)，序时进度 \(model.monitoring.timeProgress.percentString(places: 2))，"
                    + "预算执行率 \(model.monitoring.total.rate?.percentString(places: 2) ?? "—")；按目前进度全年执行率预计约 "
                    + "\(model.monitoring.total.projectedRate?.percentString(places: 2) ?? "—")，预计自评总分 "
                    + "\(model.monitoringScore)（\(model.monitoring.projectedGrade)）。"
            }
            if !model.monitoring.warnings.isEmpty {
                HTML.element("ul", [("class", "warnings")]) {
                    for warning in model.monitoring.warnings {
                        HTML.element("li", [("class", "severity-\(warning.severity.rawValue)")]) { warning.message }
                    }
                }
            }
            HTML.element("div", [("class", "charts")]) {
                for chart in model.charts { HTML.element("figure") { HTML.chart(chart.svg) } }
            }
            HTML.element("h2") { "预算执行" }
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.payments(code: model.code, year: model.year).path)]) {
                    "查看和录入支付明细 →"
                }
                " "
                HTML.element("a", [("href", SiteURL.lines(code: model.code, year: model.year).path)]) {
                    "管理预算项目 →"
                }
            }
            HTML.element("table") {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["编码", "项目", "类别", "全年预算数（万元）", "执行数（万元）", "执行率"] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for line in model.lines {
                        HTML.element("tr") {
                            HTML.element("td") { line.code }
                            HTML.element("td") { line.name }
                            HTML.element("td") { line.kind }
                            HTML.element("td", [("class", "number")]) { line.adjusted }
                            HTML.element("td", [("class", "number")]) { line.executed }
                            HTML.element("td", [("class", "number")]) { line.rate }
                        }
                    }
                }
            }
            HTML.element("h2") { "发现的问题（\(model.findings.count)）" }
            if model.findings.isEmpty {
                HTML.element("p") { "未发现问题。" }
            } else {
                HTML.element("ul", [("class", "findings")]) {
                    for finding in model.findings {
                        HTML.element("li") {
                            HTML.element("span", [("class", "severity-\(finding.severity.rawValue)")]) {
                                "【\(finding.severity.chinese)】"
                            }
                            finding.message
                            HTML.element("br")
                            HTML.element("small") { "建议：\(finding.measure)" }
                        }
                    }
                }
            }
            HTML.element("h2") { "报告下载" }
            HTML.element("p", [("class", "downloads")]) {
                for (format, label) in [("html", "网页版"), ("docx", "Word（公文格式）"), ("pdf", "PDF"),
                                        ("xlsx", "自评表 Excel"), ("json", "数据包 JSON")] {
                    HTML.element("a", [("href", SiteURL.report(code: model.code, year: model.year, format: format).path)]) {
                        label
                    }
                }
            }
        }
    }

    private static func card(_ label: String, _ figure: String, id: String) -> HTML {
        HTML.element("div", [("class", "card")]) {
            HTML.element("div", [("class", "label")]) { label }
            HTML.element("div", [("class", "figure"), ("id", id)]) { figure }
        }
    }
}
