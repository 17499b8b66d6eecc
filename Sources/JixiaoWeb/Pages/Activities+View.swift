import JixiaoCore
import JixiaoIO

/// 活动记录: the year's activities with their count and audience; for the department's people, a tick box per row
/// to remove it and a form to add rows pasted from a spreadsheet or a CSV file.
enum ActivitiesView {
    static func render(_ year: DepartmentYear, digest: String, mayChange: Bool, typed: String?, message: String?,
                       problems: [String], user: CurrentUser, csrf: String) -> String {
        let (code, number) = (year.department.code, year.year)
        let inYear = year.activities.filter { $0.date.year == number }
        let audience = inYear.compactMap(\.audience).sum()
        let action = SiteURL.records(code: code, year: number, kind: "activities").path
        return Layout.page(title: "活动记录", user: user, csrf: csrf) {
            Layout.heading("活动记录", code: code, name: year.department.name, year: number)
            FormControls.outcome(message: message, problems: problems)
            HTML.element("p", [("id", "summary")]) { "本年度活动 \(inYear.count) 场，受众合计 \(audience) 人次。" }
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
                            for (index, activity) in year.activities.enumerated() {
                                HTML.element("tr") {
                                    if mayChange {
                                        HTML.element("td") {
                                            HTML.element("input", [("type", "checkbox"), ("name", "remove[]"),
                                                                   ("value", String(index)),
                                                                   ("aria-label", "删除“\(activity.title)”")])
                                        }
                                    }
                                    HTML.element("td") { activity.date.description }
                                    HTML.element("td") { activity.title }
                                    HTML.element("td") { activity.kind }
                                    HTML.element("td", [("class", "number")]) { activity.audience?.description ?? "" }
                                }
                            }
                        }
                    }
                }
                if mayChange && !year.activities.isEmpty {
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
