import Foundation
import JixiaoCore
import JixiaoStore

/// 佐证材料: the files behind the year's indicators, activities, procurements and tasks, by record, and the upload
/// form.
enum EvidenceView {
    static func render(year: DepartmentYear, entries: [EvidenceRepository.Entry], mayChange: Bool, message: String?,
                       problems: [String], user: CurrentUser, csrf: String) -> String {
        let (code, number) = (year.department.code, year.year)
        let subjects = EvidenceSubject.all(in: year)
        let known = Set(subjects.map(\.storedKey))
        return Layout.page(title: "佐证材料", user: user, csrf: csrf) {
            Layout.heading("佐证材料", code: code, name: year.department.name, year: number)
            FormControls.outcome(message: message, problems: problems)
            if mayChange {
                HTML.element("form", [("method", "post"), ("enctype", "multipart/form-data"), ("class", "stack wide"),
                                      ("action", SiteURL.evidence(code: code, year: number).path), ("id", "upload-evidence")]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("label") {
                        "佐证的对象"
                        HTML.element("select", [("name", "subject")]) {
                            HTML.element("option", [("value", "")]) { "请选择" }
                            for kind in EvidenceSubject.Kind.allCases {
                                HTML.element("optgroup", [("label", kind.chinese)]) {
                                    for subject in subjects where subject.kind == kind {
                                        HTML.element("option", [("value", subject.storedKey)]) { subject.label }
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
            if entries.isEmpty {
                HTML.element("p") { "尚未上传佐证材料。" }
            } else {
                HTML.element("div", [("class", "table-scroll")]) {
                    HTML.element("table", [("id", "evidence")]) {
                        HTML.element("thead") {
                            HTML.element("tr") {
                                for title in ["佐证对象", "文件", "大小", "SHA-256", "上传"] + (mayChange ? ["删除"] : []) {
                                    HTML.element("th") { title }
                                }
                            }
                        }
                        HTML.element("tbody") {
                            for entry in entries {
                                HTML.element("tr") {
                                    HTML.element("td") {
                                        EvidenceSubject.label(of: entry.subject, in: subjects)
                                        if !known.contains(entry.subject) {
                                            HTML.element("small", [("class", "severity-medium")]) { "（本年度已没有这条记录）" }
                                        }
                                    }
                                    HTML.element("td") {
                                        HTML.element("a", [("href", SiteURL.evidenceFile(code: code, year: number,
                                                                                         id: entry.id).path)]) { entry.name }
                                    }
                                    HTML.element("td", [("class", "number")]) { size(entry.size) }
                                    HTML.element("td") { HTML.element("code") { String(entry.sha256.prefix(12)) + "…" } }
                                    HTML.element("td") { "\(entry.uploadedBy) \(ChinaCalendar.timestamp(entry.uploadedAt))" }
                                    if mayChange {
                                        HTML.element("td") {
                                            HTML.element("form", [("method", "post"), ("class", "inline"),
                                                                  ("action", SiteURL.evidenceDelete(code: code, year: number,
                                                                                                    id: entry.id).path)]) {
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
    }

    /// A byte count as a clerk reads it.
    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576)
            : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) B"
    }
}
