import JixiaoCore

/// 部门比较: filters, the grade distribution as bars, and the ranked table, each department linked to its year.
enum ComparisonView {
    /// The page lists a page of the ranked departments (`paging`); the CSV file has them all.
    static func render(_ model: ComparisonModel?, paging: Paging, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "部门比较", user: user, csrf: csrf) {
            HTML.element("h1") { "部门比较" }
            if let model {
                filters(model)
                HTML.element("p", [("id", "comparison-summary")]) {
                    "\(model.year) 年共 \(model.total) 个部门" + (model.rows.count < model.total ? "，符合条件的 \(model.rows.count) 个" : "")
                        + "；按\(model.query.ranking.chinese)\(model.query.ascending ? "从低到高" : "从高到低")排列。"
                }
                grades(model)
                scores(model)
                HTML.element("p", [("class", "downloads")]) {
                    HTML.element("a", [("href", download(model, as: .comparisonCSV))]) { "下载（CSV）" }
                    " "
                    HTML.element("a", [("href", download(model, as: .comparisonXLSX))]) { "下载（Excel）" }
                    if !user.role.isDepartmental {
                        " "
                        HTML.element("a", [("href", SiteURL.whatIf.path(query: [("year", String(model.year))]))]) {
                            "规则试算"
                        }
                        " "
                        HTML.element("a", [("href", SiteURL.similarText.path(query: [("year", String(model.year))]))]) {
                            "文字雷同"
                        }
                        if user.role == .reviewer || user.role == .auditor {
                            " "
                            HTML.element("a", [("href", SiteURL.directory.path)]) { "单位名录" }
                        }
                    }
                }
                paging.links(.comparison, query: query(model), noun: "个部门")
                table(model, paging: paging)
                paging.links(.comparison, query: query(model), noun: "个部门")
            } else {
                HTML.element("p") { "还没有可比较的部门年度数据。" }
            }
        }
    }

    /// The download (CSV or Excel) with the same filters and ranking.
    static func download(_ model: ComparisonModel, as file: SiteURL) -> String { file.path(query: query(model)) }

    /// The filters and ranking as query items.
    private static func query(_ model: ComparisonModel) -> [(String, String?)] {
        [("year", String(model.year)), ("region", model.query.region), ("group", model.query.group),
         ("category", model.query.category), ("sort", model.query.ranking.rawValue),
         ("order", model.query.ascending ? "asc" : "desc"), ("grade", model.query.grade),
         ("state", model.query.state?.rawValue), ("q", model.query.search)]
    }

    private static func filters(_ model: ComparisonModel) -> HTML {
        HTML.element("form", [("method", "get"), ("class", "filters"), ("action", SiteURL.comparison.path)]) {
            FormControls.filter("year", "年度", everything: "最近", options: model.years.map { (String($0), "\($0) 年") },
                                selected: String(model.year))
            for (name, label, values, selected) in [("region", "行政区划", model.regions, model.query.region),
                                                     ("group", "归口处室", model.groups, model.query.group),
                                                     ("category", "单位类型", model.categories, model.query.category)]
            where !values.isEmpty {
                FormControls.filter(name, label, everything: "全部", options: values.map { ($0, $0) }, selected: selected)
            }
            FormControls.filter("grade", "等级", everything: "全部", options: model.grades.map { ($0.grade, $0.grade) },
                                selected: model.query.grade)
            FormControls.filter("state", "自评状态", everything: "全部",
                                options: ReviewState.allCases.map { ($0.rawValue, $0.chinese(in: .selfEvaluation)) },
                                selected: model.query.state?.rawValue)
            FormControls.filter("sort", "排序", everything: "自评得分",
                                options: ComparisonModel.Ranking.allCases.dropFirst().map { ($0.rawValue, $0.chinese) },
                                selected: model.query.ranking == .total ? nil : model.query.ranking.rawValue)
            FormControls.filter("order", "顺序", everything: "从高到低", options: [("asc", "从低到高")],
                                selected: model.query.ascending ? "asc" : nil)
            HTML.element("label") {
                "部门名称或编码"
                HTML.element("input", [("type", "search"), ("name", "q"), ("value", model.query.search)])
            }
            HTML.element("button", [("type", "submit")]) { "查看" }
        }
    }

    /// How many departments got each grade, as bars of their share.
    private static func grades(_ model: ComparisonModel) -> HTML {
        HTML.element("ul", [("class", "distribution"), ("id", "grades"), ("aria-label", "等级分布")]) {
            for (grade, count) in model.grades {
                HTML.element("li") {
                    HTML.element("span", [("class", "label")]) { grade }
                    HTML.element("span", [("class", "bar"), ("style", "width: \(model.total == 0 ? 0 : count * 100 / model.total)%")])
                    HTML.element("span", [("class", "count")]) { "\(count) 个" }
                }
            }
        }
    }

    /// How many departments' self-scores fall in each band of points, as bars of their share.
    private static func scores(_ model: ComparisonModel) -> HTML {
        HTML.element("ul", [("class", "distribution"), ("id", "scores"), ("aria-label", "得分分布")]) {
            for (band, count) in model.scoreBands {
                HTML.element("li") {
                    HTML.element("span", [("class", "label")]) { band }
                    HTML.element("span", [("class", "bar"), ("style", "width: \(model.total == 0 ? 0 : count * 100 / model.total)%")])
                    HTML.element("span", [("class", "count")]) { "\(count) 个" }
                }
            }
        }
    }

    private static func table(_ model: ComparisonModel, paging: Paging) -> HTML {
        HTML.element("div", [("class", "table-scroll")]) {
            HTML.element("table", [("id", "comparison")]) {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["名次", "部门", "全年预算数（万元）", "执行率", "自评得分", "等级", "复核得分", "复核等级",
                                      "问题数", "无记录支撑分", "审核状态"] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for rank in paging.range {
                        let entry = model.rows[rank]
                        let row = entry.row
                        HTML.element("tr", [("id", "department-\(row.code)")]) {
                            HTML.element("td", [("class", "number")]) { String(rank + 1) }
                            HTML.element("td") {
                                HTML.element("a", [("href", SiteURL.year(code: row.code, year: model.year).path)]) { row.name }
                                " "
                                HTML.element("a", [("href", SiteURL.trend.path(query: [("code", row.code),
                                                                                       ("year", String(model.year))])),
                                                   ("class", "trend")]) { "趋势" }
                                let attributes = [row.attributes.region, row.attributes.group, row.attributes.category]
                                    .filter { !$0.isEmpty }
                                if !attributes.isEmpty {
                                    HTML.element("br")
                                    HTML.element("small") { attributes.joined(separator: " · ") }
                                }
                            }
                            HTML.element("td", [("class", "number")]) { row.adjusted.wanString }
                            HTML.element("td", [("class", "number")]) { row.rate?.percentString(places: 2) ?? "—" }
                            HTML.element("td", [("class", "number")]) { row.total.map(ComparisonView.points) ?? "—" }
                            HTML.element("td") { row.grade }
                            HTML.element("td", [("class", "number")]) { row.recheck.map(ComparisonView.points) ?? "—" }
                            HTML.element("td", [("class", row.recheckGrade.map { $0 == row.grade ? nil : "severity-medium" } ?? nil)]) {
                                row.recheckGrade ?? "—"
                            }
                            HTML.element("td", [("class", row.findings > 0 ? "number severity-medium" : "number")]) {
                                String(row.findings)
                            }
                            HTML.element("td", [("class", "number")]) { ComparisonView.points(row.unsupported) }
                            HTML.element("td") { entry.review }
                        }
                    }
                }
            }
        }
    }

    /// Points as the score tables print them: two decimals.
    static func points(_ value: Rational) -> String { Rounding(mode: .halfUp, places: 2).format(value) }
}
