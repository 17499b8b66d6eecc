/// 佐证材料: the files behind the year's indicators, activities, procurements and tasks, by record, and the upload
/// form.
enum EvidenceView {
    static func render(_ model: EvidenceModel, message: String?, problems: [String], user: CurrentUser,
                       csrf: String) -> String {
        Layout.page(title: "佐证材料", user: user, csrf: csrf) {
            Layout.heading("佐证材料", code: model.code, name: model.name, year: model.year)
            FormControls.outcome(message: message, problems: problems)
            if model.mayChange {
                HTML.element("form", [("method", "post"), ("enctype", "multipart/form-data"), ("class", "stack wide"),
                                      ("action", SiteURL.evidence(code: model.code, year: model.year).path),
                                      ("id", "upload-evidence")]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("label") {
                        "佐证的对象"
                        HTML.element("select", [("name", "subject")]) {
                            HTML.element("option", [("value", "")]) { "请选择" }
                            for group in model.groups {
                                HTML.element("optgroup", [("label", group.kind)]) {
                                    for subject in group.subjects {
                                        HTML.element("option", [("value", subject.key)]) { subject.label }
                                    }
                                }
                            }
                        }
                    }
                    HTML.element("label") {
                        "文件（PDF、图片、Word 或 Excel，不超过 10 MB；只供下载，不在网页中打开）"
                        HTML.element("input", [("type", "file"), ("name", "file"), ("accept", ".pdf,.png,.jpg,.jpeg,.docx,.xlsx")])
                    }
                    HTML.element("button", [("type", "submit")]) { "上传" }
                }
            }
            if model.rows.isEmpty {
                HTML.element("p") { "尚未上传佐证材料。" }
            } else {
                table(model, csrf: csrf)
            }
        }
    }

    private static func table(_ model: EvidenceModel, csrf: String) -> HTML {
        HTML.element("div", [("class", "table-scroll")]) {
            HTML.element("table", [("id", "evidence")]) {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["佐证对象", "文件", "大小", "SHA-256", "上传"] + (model.mayChange ? ["删除"] : []) {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for row in model.rows {
                        HTML.element("tr") {
                            HTML.element("td") {
                                row.subject
                                if row.orphaned {
                                    HTML.element("small", [("class", "severity-medium")]) { "（本年度已没有这条记录）" }
                                }
                            }
                            HTML.element("td") { HTML.element("a", [("href", row.download)]) { row.name } }
                            HTML.element("td", [("class", "number")]) { row.size }
                            HTML.element("td") { HTML.element("code") { row.digest } }
                            HTML.element("td") { row.uploaded }
                            if model.mayChange {
                                HTML.element("td") {
                                    HTML.element("form", [("method", "post"), ("class", "inline"), ("action", row.remove)]) {
                                        HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                                        HTML.element("button", [("type", "submit"), ("class", "link")]) { "删除" }
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
