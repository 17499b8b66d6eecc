/// The upload page: a bundle or a filled-in workbook, the replace confirmation, and every problem found.
enum ImportView {
    static func render(user: CurrentUser, csrf: String, years: [(String, String)], problems: [String],
                       message: String?) -> String {
        Layout.page(title: "导入数据", user: user, csrf: csrf) {
            HTML.element("h1") { "导入数据" }
            HTML.element("p") {
                "上传填好的填报工作簿（.xlsx）、数据包（.json），或预算系统导出的支付明细（.csv，UTF-8 或 GB18030）。"
                    + "整份文件检查无误才会导入；有任何问题都不会改动数据库。"
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
                    HTML.element("input", [("type", "file"), ("name", "file"), ("accept", ".xlsx,.json,.csv"),
                                           ("required", "required")])
                }
                HTML.element("label") {
                    "支付明细所属的部门年度（仅导入 CSV 时需要）"
                    HTML.element("select", [("name", "year")]) {
                        HTML.element("option", [("value", "")]) { "请选择" }
                        for (value, label) in years { HTML.element("option", [("value", value)]) { label } }
                    }
                }
                HTML.element("label", [("class", "check")]) {
                    HTML.element("input", [("type", "checkbox"), ("name", "replace"), ("value", "1")])
                    "覆盖：工作簿或数据包替换该年度已有数据；CSV 替换该年度已有的全部支付（操作记入审计日志）"
                }
                HTML.element("button", [("type", "submit")]) { "检查并导入" }
            }
        }
    }
}
