/// The to-do and the list of department-years, a page of it at a time.
enum HomeView {
    static func render(_ model: HomeModel, paging: Paging, filters: [(String, String?)], user: CurrentUser,
                       csrf: String) -> String {
        Layout.page(title: "部门年度", user: user, csrf: csrf) {
            HTML.element("h1") { "部门年度" }
            TodoView.render(model.todo, party: user.role.reviewParty, csrf: csrf)
            if user.role.isAdministrator {
                HTML.element("p") { "\(user.role.chinese)不查看、不修改部门数据（三员分立）。请使用上方的管理功能。" }
            }
            if user.role.isDepartmental {
                HTML.element("p") { HTML.element("a", [("href", SiteURL.importData.path)]) { "导入数据（工作簿或数据包）→" } }
            }
            if model.entries.isEmpty {
                HTML.element("p") { "还没有可查看的部门年度数据。请先导入（jixiao import）。" }
            } else {
                paging.links(.home, query: filters, noun: "个部门年度")
                HTML.element("div", [("class", "table-scroll")]) {
                    HTML.element("table") {
                        HTML.element("thead") {
                            HTML.element("tr") {
                                for title in ["部门", "编码", "年度", "预算执行率", "自评得分", "待整改问题"] {
                                    HTML.element("th") { title }
                                }
                            }
                        }
                        HTML.element("tbody") {
                            for entry in model.entries[paging.range] {
                                HTML.element("tr") {
                                    HTML.element("td") {
                                        HTML.element("a", [("href", SiteURL.year(code: entry.code, year: entry.year).path)]) {
                                            entry.name
                                        }
                                    }
                                    HTML.element("td") { entry.code }
                                    HTML.element("td", [("class", "number")]) { String(entry.year) }
                                    HTML.element("td", [("class", "number")]) { entry.rate }
                                    HTML.element("td", [("class", "number")]) { "\(entry.total) \(entry.grade)" }
                                    HTML.element("td", [("class", "number")]) { String(entry.findings) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
