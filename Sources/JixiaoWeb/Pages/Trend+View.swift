import JixiaoCore
import JixiaoReport
import JixiaoStore

/// 近三年趋势: a department's execution rate, self-score and grade year by year beside the province's medians (and
/// its 行政区划's), as a table and a chart.
enum TrendView {
    static func render(code: String, name: String, region: String, points: [DepartmentTrend.Point], user: CurrentUser,
                       csrf: String) -> String {
        Layout.page(title: "\(name) 近三年趋势", user: user, csrf: csrf) {
            HTML.element("h1") { "\(name) · 近 \(points.count) 年绩效趋势" }
            HTML.element("p") {
                "执行率和自评得分与同年度全省各部门的中位数对比" + (region.isEmpty ? "" : "，并与\(region)各部门的中位数对比") + "。"
            }
            HTML.element("div", [("class", "table-scroll")]) {
                HTML.element("table", [("id", "trend")]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for title in ["年度", "执行率", "全省中位数", "自评得分", "全省中位数"]
                                + (region.isEmpty ? [] : ["\(region)中位数"]) + ["等级", "参与比较的部门"] {
                                HTML.element("th") { title }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for point in points {
                            HTML.element("tr", [("id", "year-\(point.year)")]) {
                                HTML.element("td") {
                                    if point.total == nil { "\(point.year) 年" } else {
                                        HTML.element("a", [("href", SiteURL.year(code: code, year: point.year).path)]) {
                                            "\(point.year) 年"
                                        }
                                    }
                                }
                                HTML.element("td", [("class", "number")]) { percent(point.rate) }
                                HTML.element("td", [("class", "number")]) { percent(point.provinceRate) }
                                HTML.element("td", [("class", "number")]) { score(point.total) }
                                HTML.element("td", [("class", "number")]) { score(point.provinceTotal) }
                                if !region.isEmpty {
                                    HTML.element("td", [("class", "number")]) { score(point.regionTotal) }
                                }
                                HTML.element("td") { point.grade ?? "—" }
                                HTML.element("td", [("class", "number")]) { String(point.departments) }
                            }
                        }
                    }
                }
            }
            HTML.element("figure") {
                HTML.chart(Charts.scoreTrend(years: points.map(\.year), own: points.map(\.total),
                                             province: points.map(\.provinceTotal),
                                             region: region.isEmpty ? nil : points.map(\.regionTotal)).svg)
            }
        }
    }

    private static func percent(_ value: Rational?) -> String { value?.percentString(places: 2) ?? "—" }
    private static func score(_ value: Rational?) -> String { value.map(ComparisonView.points) ?? "—" }
}
