import JixiaoCore

/// The year's procurements (with each deadline's status) and assets.
enum RecordsView {
    static func procurements(_ year: DepartmentYear, user: CurrentUser, csrf: String) -> String {
        page("采购", year, user: user, csrf: csrf) {
            if year.procurements.isEmpty { HTML.element("p") { "本年度没有采购记录。" } }
            for procurement in year.procurements {
                HTML.element("section", [("class", "card procurement")]) {
                    HTML.element("h2") { "\(procurement.name)（\(procurement.amount.wanString) 万元）" }
                    HTML.element("ul", [("class", "deadlines")]) {
                        for check in ProcurementDeadlines.check(procurement, calendar: year.workCalendar) {
                            HTML.element("li", [("class", status(check).cssClass)]) {
                                "\(check.step.chinese)：\(status(check).text)"
                            }
                        }
                    }
                }
            }
        }
    }

    static func assets(_ year: DepartmentYear, user: CurrentUser, csrf: String) -> String {
        page("资产", year, user: user, csrf: csrf) {
            if let assets = year.assets {
                table(["截止日期", "流动资产（万元）", "非流动资产（万元）", "资产总额（万元）"], [[
                    assets.asOf.description, assets.current.wanString, assets.nonCurrent.wanString,
                    assets.total.wanString + (assets.declaredTotal.map { $0 == assets.total ? "" : "（填报 \($0.wanString)，不一致）" } ?? ""),
                ]])
            } else {
                HTML.element("p") { "还没有填报资产数据。" }
            }
        }
    }

    private static func status(_ check: ProcurementDeadlines.Check) -> (text: String, cssClass: String) {
        let span = "\(check.from?.description ?? "—") → \(check.to?.description ?? "—")"
        switch check.status {
        case .kept:
            let text = check.step == .intent ? "提前 \(check.elapsed ?? 0) 天（不少于 \(check.limit) 天）"
                : "\(check.elapsed ?? 0) \(check.unit)（不超过 \(check.limit) \(check.unit)）"
            return ("✓ \(span)，\(text)", "ok")
        case .broken:
            let text = check.step == .intent ? "仅提前 \(check.elapsed ?? 0) 天，不足 \(check.limit) 天"
                : "用时 \(check.elapsed ?? 0) \(check.unit)，超过 \(check.limit) \(check.unit)"
            return ("✗ \(span)，\(text)", "severity-high")
        case .open:
            return ("尚无日期（\(span)）", "severity-low")
        }
    }

    private static func page(_ title: String, _ year: DepartmentYear, user: CurrentUser, csrf: String,
                             @HTMLBuilder content: () -> [HTML]) -> String {
        Layout.page(title: title, user: user, csrf: csrf) {
            Layout.heading(title, code: year.department.code, name: year.department.name, year: year.year)
            content()
        }
    }

    private static func table(_ headers: [String], _ rows: [[String]]) -> HTML {
        HTML.element("table") {
            HTML.element("thead") { HTML.element("tr") { for header in headers { HTML.element("th") { header } } } }
            HTML.element("tbody") {
                for row in rows { HTML.element("tr") { for cell in row { HTML.element("td") { cell } } } }
            }
        }
    }
}
