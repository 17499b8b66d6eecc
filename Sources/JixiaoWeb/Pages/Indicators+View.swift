import JixiaoCore

/// The indicator tree, each target with what the target-quality check says about it.
enum IndicatorsView {
    static func render(_ model: IndicatorsModel, user: CurrentUser, csrf: String) -> String {
        // A project's tree changes with its project (bundle, workbook or API); the forms here edit the department's.
        let mayChange = user.mayChange(organisation: model.code) && model.project == nil
        return Layout.page(title: "绩效指标", user: user, csrf: csrf) {
            Layout.heading("绩效指标", code: model.code, name: model.name, year: model.year)
            if !model.projects.isEmpty { treeChoice(model) }
            if let project = model.project {
                HTML.element("p", [("id", "tree")]) {
                    "项目“\(project.name)”（\(project.code)）的指标，按“\(model.templateName)”计分。"
                    HTML.element("a", [("href", SiteURL.project(code: model.code, year: model.year,
                                                                project: project.code).path)]) { "项目页 →" }
                }
            }
            HTML.element("p") {
                if mayChange {
                    HTML.element("a", [("href", SiteURL.indicatorNew(code: model.code, year: model.year).path),
                                       ("id", "new-indicator")]) { "＋ 新增指标" }
                    " "
                }
                HTML.element("a", [("href", SiteURL.targets(code: model.code, year: model.year).path)]) {
                    "目标调整与目标记录 →"
                }
            }
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
                        HTML.element("div", [("class", "table-scroll")]) {
                            HTML.element("table") {
                                HTML.element("thead") {
                                    HTML.element("tr") {
                                        for title in ["编号", "三级指标", "性质", "指标值", "分值", "目标检查", "运行进度"]
                                            + (mayChange ? ["修改"] : []) {
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
                                                if model.project == nil {
                                                    HTML.element("a", [("href", SiteURL.indicatorProgress(
                                                        code: model.code, year: model.year, id: item.id).path)]) {
                                                        "填报进度"
                                                    }
                                                }
                                            }
                                            if mayChange { changeCell(item, model, csrf: csrf) }
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

    /// Which tree is shown: the department's own or a project's.
    private static func treeChoice(_ model: IndicatorsModel) -> HTML {
        HTML.element("form", [("method", "get"), ("class", "filters"),
                              ("action", SiteURL.indicators(code: model.code, year: model.year).path)]) {
            FormControls.filter("project", "指标体系", everything: "部门整体",
                                options: model.projects.map { ($0.code, "\($0.code) \($0.name)") },
                                selected: model.project?.code)
            HTML.element("button", [("type", "submit")]) { "查看" }
        }
    }

    /// 修改、上移、下移 for one indicator.
    private static func changeCell(_ item: IndicatorsModel.Item, _ model: IndicatorsModel, csrf: String) -> HTML {
        HTML.element("td", [("class", "row-actions")]) {
            HTML.element("a", [("href", SiteURL.indicatorEdit(code: model.code, year: model.year, id: item.id).path)]) {
                "修改"
            }
            for (offset, label) in [(-1, "上移"), (1, "下移")] {
                HTML.element("form", [("method", "post"), ("class", "inline"),
                                      ("action", SiteURL.indicatorAction(code: model.code, year: model.year, id: item.id,
                                                                         action: "move").path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "offset"), ("value", String(offset))])
                    HTML.element("button", [("type", "submit"), ("class", "link"),
                                            ("aria-label", "\(label)“\(item.name)”")]) { label }
                }
            }
        }
    }
}
