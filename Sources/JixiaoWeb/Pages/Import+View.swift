import Foundation
import JixiaoCore

/// The upload page: a bundle or a filled-in workbook, the replace confirmation, and every problem found.
enum ImportView {
    static func render(user: CurrentUser, csrf: String, years: [(String, String)], problems: [String],
                       message: String?) -> String {
        Layout.page(title: "导入数据", user: user, csrf: csrf) {
            HTML.element("h1") { "导入数据" }
            HTML.element("p") {
                "上传填好的填报工作簿（.xlsx）、数据包（.json）、数据包及佐证材料（.zip），或预算系统导出的支付明细（.csv，UTF-8 或 GB18030）。"
                    + "整份文件检查无误才会导入；有任何问题都不会改动数据库。库中已有该年度时，先列出将发生的变化，确认后才替换。"
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
                    HTML.element("input", [("type", "file"), ("name", "file"), ("accept", ".xlsx,.json,.zip,.csv"),
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
                    "覆盖支付（仅 CSV）：替换该年度已有的全部支付（操作记入审计日志）"
                }
                HTML.element("button", [("type", "submit")]) { "检查并导入" }
            }
        }
    }
}

/// What replacing a stored year with an upload would change, part by part, and the confirmation.
enum ImportPreviewView {
    static func render(year: DepartmentYear, file: String, changes: [YearDiff.Change], token: UUID, user: CurrentUser,
                       csrf: String) -> String {
        Layout.page(title: "确认导入", user: user, csrf: csrf) {
            HTML.element("h1") { "确认导入" }
            HTML.element("p") {
                "库中已有 \(year.department.name) \(year.year) 年的数据。用“\(file)”替换后，将有以下 \(changes.count) 处变化；"
                    + "确认后整年一次替换（记入审计日志），否则不做任何改动。"
            }
            HTML.element("div", [("id", "changes")]) {
                for part in changes.map(\.part).uniqued() {
                    HTML.element("h2") { part }
                    HTML.element("ul") {
                        for change in changes where change.part == part { HTML.element("li") { change.text } }
                    }
                }
            }
            HTML.element("form", [("method", "post"), ("action", SiteURL.importConfirm.path), ("class", "actions")]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "token"), ("value", token.uuidString)])
                HTML.element("button", [("type", "submit"), ("id", "confirm-import")]) { "确认替换" }
                HTML.element("a", [("href", SiteURL.importData.path)]) { "取消" }
            }
        }
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
