/// The upload page: a bundle or a filled-in workbook, the replace confirmation, and every problem found.
enum ImportView {
    static func render(user: CurrentUser, csrf: String, problems: [String], message: String?) -> String {
        Layout.page(title: "导入数据", user: user, csrf: csrf) {
            HTML.element("h1") { "导入数据" }
            HTML.element("p") {
                "上传填好的填报工作簿（.xlsx）或数据包（.json）。整份文件检查无误才会导入；有任何问题都不会改动数据库。"
            }
            if let message { HTML.element("p", [("class", "error"), ("role", "alert")]) { message } }
            if !problems.isEmpty {
                HTML.element("ul", [("class", "problems"), ("aria-label", "发现的问题")]) {
                    for problem in problems { HTML.element("li") { problem } }
                }
            }
            HTML.element("form", [("method", "post"), ("action", SiteURL.importData.path),
                                  ("enctype", "multipart/form-data"), ("class", "stack wide")]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("label") {
                    "文件"
                    HTML.element("input", [("type", "file"), ("name", "file"), ("accept", ".xlsx,.json"),
                                           ("required", "required")])
                }
                HTML.element("label", [("class", "check")]) {
                    HTML.element("input", [("type", "checkbox"), ("name", "replace"), ("value", "1")])
                    "如果该部门的这一年度已有数据，用本文件覆盖（原数据将被替换，操作记入审计日志）"
                }
                HTML.element("button", [("type", "submit")]) { "检查并导入" }
            }
        }
    }
}
