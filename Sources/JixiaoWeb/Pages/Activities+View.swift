import JixiaoIO

/// 活动记录: the year's activities with their count and audience; for the department's people, a tick box per row
/// to remove it and a form to add rows pasted from a spreadsheet or a CSV file.
enum ActivitiesView {
    static func render(_ model: ActivitiesModel, typed: String?, message: String?, problems: [String],
                       user: CurrentUser, csrf: String) -> String {
        let (digest, mayChange) = (model.digest, model.mayChange)
        let action = SiteURL.records(code: model.code, year: model.year, kind: "activities").path
        return Layout.page(title: "活动记录", user: user, csrf: csrf) {
            Layout.heading("活动记录", code: model.code, name: model.name, year: model.year)
            FormControls.outcome(message: message, problems: problems)
            HTML.element("p", [("id", "summary")]) { model.summary }
            HTML.element("form", [("method", "post"), ("action", action), ("id", "remove-activities")]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "digest"), ("value", digest)])
                HTML.element("div", [("class", "table-scroll")]) {
                    HTML.element("table", [("id", "activities")]) {
                        HTML.element("thead") {
                            HTML.element("tr") {
                                for title in (mayChange ? ["删除"] : []) + ActivityRows.columns { HTML.element("th") { title } }
                            }
                        }
                        HTML.element("tbody") {
                            for row in model.rows {
                                HTML.element("tr") {
                                    if mayChange {
                                        HTML.element("td") {
                                            HTML.element("input", [("type", "checkbox"), ("name", "remove[]"),
                                                                   ("value", String(row.position)),
                                                                   ("aria-label", "删除“\(row.title)”")])
                                        }
                                    }
                                    HTML.element("td") { row.date }
                                    HTML.element("td") { row.title }
                                    HTML.element("td") { row.kind }
                                    HTML.element("td", [("class", "number")]) { row.audience }
                                }
                            }
                        }
                    }
                }
                if mayChange && !model.rows.isEmpty {
                    HTML.element("button", [("type", "submit"), ("class", "danger")]) { "删除所选活动" }
                }
            }
            if mayChange {
                HTML.element("h2") { "添加活动" }
                HTML.element("form", [("method", "post"), ("action", action), ("enctype", "multipart/form-data"),
                                      ("class", "stack wide"), ("id", "add-activities")]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "digest"), ("value", digest)])
                    HTML.element("label") {
                        "从 Excel 复制粘贴（列依次为：\(ActivityRows.columns.joined(separator: "、"))；可带标题行）"
                        HTML.element("textarea", [("name", "rows"), ("rows", "8")]) { typed ?? "" }
                    }
                    HTML.element("label") {
                        "或上传 CSV 文件（同样的列，UTF-8 或 GB18030）"
                        HTML.element("input", [("type", "file"), ("name", "file"), ("accept", ".csv,.txt")])
                    }
                    HTML.element("button", [("type", "submit")]) { "检查并添加" }
                }
            }
        }
    }
}
