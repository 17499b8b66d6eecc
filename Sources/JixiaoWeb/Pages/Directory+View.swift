import JixiaoCore
import JixiaoIO

/// 单位名录: how many units the bureau holds and how many carry each attribute, the download, and for the reviewer
/// the upload form.
enum DirectoryView {
    static func render(_ entries: [DirectoryCSV.Entry], user: CurrentUser, csrf: String, message: String? = nil,
                       problems: [String] = []) -> String {
        Layout.page(title: "单位名录", user: user, csrf: csrf) {
            HTML.element("h1") { "单位名录" }
            HTML.element("p") {
                "部门比较和结果应用按单位名录中的行政区划、归口处室和单位类型筛选同类部门；开启年度考核后，名录中未报送数据的单位列为未报送。"
            }
            FormControls.outcome(message: message, problems: problems)
            HTML.element("p", [("id", "directory-summary")]) { summary(entries) }
            HTML.element("p", [("class", "downloads")]) {
                HTML.element("a", [("href", SiteURL.directoryCSV.path)]) { "下载当前名录（CSV）" }
            }
            if user.role == .reviewer {
                HTML.element("form", [("method", "post"), ("action", SiteURL.directory.path),
                                      ("enctype", "multipart/form-data"), ("class", "stack")]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("label") {
                        "名录文件（CSV，UTF-8 或 GB18030；列：单位编码、单位名称、行政区划、归口处室、单位类型）"
                        HTML.element("input", [("type", "file"), ("name", "file"), ("accept", ".csv"),
                                               ("required", "required")])
                    }
                    HTML.element("button", [("type", "submit")]) { "导入名录" }
                }
                HTML.element("p", [("class", "hint")]) {
                    "名录整体导入：任何一行有问题都不会导入，并逐行列出问题。名录中没有的单位保持不变。"
                }
            }
        }
    }

    /// `共 12 个单位；已填行政区划 12 个，归口处室 10 个，单位类型 9 个。`
    static func summary(_ entries: [DirectoryCSV.Entry]) -> String {
        let filled = { (value: (OrganisationAttributes) -> String) in entries.filter { !value($0.attributes).isEmpty }.count }
        return "共 \(entries.count) 个单位；已填行政区划 \(filled(\.region)) 个，归口处室 \(filled(\.group)) 个，"
            + "单位类型 \(filled(\.category)) 个。"
    }
}
