import JixiaoCore
import JixiaoStore

/// 整改清单: every item with its problem, measure, owner, deadline, status and progress — late ones marked — each
/// changeable in place by those who may.
enum RectificationView {
    static func render(_ model: RectificationModel, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "整改清单", user: user, csrf: csrf) {
            HTML.element("h1") { "整改清单" }
            filters(model)
            HTML.element("p", [("id", "rectification-summary")]) { summary(model.tally) }
            HTML.element("p", [("class", "downloads")]) {
                HTML.element("a", [("href", SiteURL.rectificationsCSV.path(query: query(model)))]) { "下载（CSV）" }
            }
            if model.items.isEmpty {
                HTML.element("p") { "没有符合条件的整改事项。在年度概况的“发现的问题”中可将问题列入整改。" }
            }
            model.paging.links(.rectifications, query: query(model))
            for item in model.items { entry(item, model: model, csrf: csrf) }
            model.paging.links(.rectifications, query: query(model))
        }
    }

    /// E.g. `共 5 项：已整改 2 项，整改中 1 项，未整改 2 项；逾期 1 项。`
    static func summary(_ tally: Rectifications.Tally) -> String {
        let counts = Rectification.Status.allCases.reversed().map { status in
            "\(status.chinese) \(tally.byStatus[status] ?? 0) 项"
        }
        return "共 \(tally.total) 项：" + counts.joined(separator: "，")
            + (tally.overdue > 0 ? "；逾期 \(tally.overdue) 项。" : "。")
    }

    private static func query(_ model: RectificationModel) -> [(String, String?)] {
        [("year", model.year.map(String.init)), ("status", model.status?.rawValue), ("code", model.organisation)]
    }

    private static func filters(_ model: RectificationModel) -> HTML {
        HTML.element("form", [("method", "get"), ("class", "filters"), ("action", SiteURL.rectifications.path)]) {
            if let organisation = model.organisation {
                HTML.element("input", [("type", "hidden"), ("name", "code"), ("value", organisation)])
            }
            HTML.element("label") {
                "问题所属年度"
                HTML.element("input", [("name", "year"), ("inputmode", "numeric"), ("size", "4"),
                                       ("value", model.year.map(String.init))])
            }
            FormControls.filter("status", "状态", everything: "全部",
                                options: Rectification.Status.allCases.map { ($0.rawValue, $0.chinese) },
                                selected: model.status?.rawValue)
            HTML.element("button", [("type", "submit")]) { "查看" }
        }
    }

    private static func entry(_ item: Rectifications.Item, model: RectificationModel, csrf: String) -> HTML {
        let rectification = item.rectification
        let late = rectification.isOverdue(on: model.today)
        return HTML.element("section", [("class", late ? "rectification flagged" : "rectification"),
                                        ("id", "item-\(item.code)-\(item.year)-\(item.number)")]) {
            HTML.element("h2") {
                HTML.element("a", [("href", SiteURL.year(code: item.code, year: item.year).path)]) {
                    "\(item.name) \(item.year) 年"
                }
                " 第 \(item.number) 项 · \(rectification.status.chinese)" + (late ? "（已逾期）" : "")
            }
            HTML.element("p") { "问题：\(rectification.problem)" }
            HTML.element("p") { "整改措施：\(rectification.measure)" }
            HTML.element("p") {
                "责任人：\(rectification.owner)；整改期限：\(rectification.deadline.chinese)"
                    + (rectification.progress.isEmpty ? "" : "；进展：\(rectification.progress)")
            }
            if model.mayAct(item.code) {
                HTML.element("details") {
                    HTML.element("summary") { "更新整改情况" }
                    HTML.element("form", [("method", "post"), ("class", "stack"),
                                          ("action", SiteURL.rectificationUpdate(code: item.code, year: item.year,
                                                                                 number: item.number).path)]) {
                        HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                        FormControls.filter("status", "状态", everything: "请选择",
                                            options: Rectification.Status.allCases.map { ($0.rawValue, $0.chinese) },
                                            selected: rectification.status.rawValue)
                        HTML.element("label") {
                            "责任人或责任处室"
                            HTML.element("input", [("name", "owner"), ("value", rectification.owner)])
                        }
                        HTML.element("label") {
                            "整改期限"
                            HTML.element("input", [("type", "date"), ("name", "deadline"),
                                                   ("value", rectification.deadline.description)])
                        }
                        HTML.element("label") {
                            "整改进展或结果"
                            HTML.element("textarea", [("name", "progress"), ("rows", "3")]) { rectification.progress }
                        }
                        HTML.element("button", [("type", "submit")]) { "保存" }
                    }
                }
            }
        }
    }

    /// The CSV's columns.
    static let header = ["部门编码", "部门", "问题所属年度", "序号", "问题代码", "问题", "整改措施", "责任人", "整改期限", "状态",
                         "是否逾期", "整改进展", "最后更新人"]

    static func cells(_ item: Rectifications.Item, today: CivilDate) -> [String] {
        let rectification = item.rectification
        return [item.code, item.name, String(item.year), String(item.number), rectification.findingCode,
                rectification.problem, rectification.measure, rectification.owner, rectification.deadline.description,
                rectification.status.chinese, rectification.isOverdue(on: today) ? "是" : "否", rectification.progress,
                item.updatedBy]
    }
}
