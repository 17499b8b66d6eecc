import JixiaoCore

/// The indicator tree, each target with what the target-quality check says about it.
enum IndicatorsView {
    static func render(_ model: IndicatorsModel, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "绩效指标", user: user, csrf: csrf) {
            Layout.heading("绩效指标", code: model.code, name: model.name, year: model.year)
            for finding in model.general {
                HTML.element("p", [("class", "error")]) { finding.message + " " + finding.measure }
            }
            for level in model.levels {
                HTML.element("section", [("class", "level")]) {
                    HTML.element("h2") {
                        "\(level.name)（分值 \(level.actualWeight)"
                            + (level.actualWeight == level.expectedWeight ? "）" : "，模板规定 \(level.expectedWeight)）")
                    }
                    for group in level.groups {
                        HTML.element("h3") { group.name }
                        HTML.element("table") {
                            HTML.element("thead") {
                                HTML.element("tr") {
                                    for title in ["编号", "三级指标", "性质", "指标值", "分值", "目标检查", "运行进度"] {
                                        HTML.element("th") { title }
                                    }
                                }
                            }
                            HTML.element("tbody") {
                                for item in group.indicators {
                                    HTML.element("tr", [("id", "indicator-\(item.id)")]) {
                                        HTML.element("td") { item.id }
                                        HTML.element("td") { item.name }
                                        HTML.element("td") { item.nature }
                                        HTML.element("td") { item.target }
                                        HTML.element("td", [("class", "number")]) { item.weight }
                                        HTML.element("td") {
                                            if item.findings.isEmpty {
                                                HTML.element("span", [("class", "ok")]) { "✓ 明确" }
                                            }
                                            for finding in item.findings {
                                                HTML.element("div", [("class", "severity-\(finding.severity.rawValue)")]) {
                                                    finding.message
                                                }
                                                HTML.element("small") { "建议：\(finding.measure)" }
                                            }
                                        }
                                        HTML.element("td") {
                                            if let progress = item.progress {
                                                "截至 \(progress.asOf)：\(progress.actualText)"
                                                if let likelihood = progress.likelihood {
                                                    HTML.element("br")
                                                    HTML.element("span", [("class", likelihood == .certain ? "ok" : "severity-medium")]) {
                                                        likelihood.chinese
                                                    }
                                                }
                                                HTML.element("br")
                                            }
                                            HTML.element("a", [("href", SiteURL.indicators(code: model.code, year: model.year).path
                                                                    + "/\(item.id)/progress")]) { "填报进度" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
