import Foundation
import JixiaoStore

/// The audit trail, newest first, with the state of its keyed chain; times in Beijing time.
enum AuditView {
    static let columns = ["序号", "时间（北京时间）", "操作人", "角色", "来源地址", "操作", "对象", "结果", "修改前", "修改后"]

    static func render(entries: [AuditEntry], filter: AuditController.Filter, chain: String, intact: Bool,
                       user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "审计日志", user: user, csrf: csrf) {
            HTML.element("h1") { "审计日志" }
            HTML.element("p", [("class", intact ? "notice" : "error"), ("id", "chain")]) { chain }
            HTML.element("form", [("method", "get"), ("action", SiteURL.audit.path), ("class", "filters"), ("id", "audit-filters")]) {
                for (name, label, value, type) in [("actor", "操作人", filter.actor, "text"),
                                                   ("action", "操作（如 review. 或 signin.failure）", filter.action, "text"),
                                                   ("from", "自（北京时间）", filter.from, "date"), ("to", "至", filter.to, "date")] {
                    HTML.element("label") {
                        label
                        HTML.element("input", [("type", type), ("name", name), ("value", value)])
                    }
                }
                HTML.element("button", [("type", "submit")]) { "筛选" }
            }
            HTML.element("p") {
                let query = filter.queryString
                HTML.element("a", [("href", SiteURL.auditCSV.path + (query.isEmpty ? "" : "?" + query))]) {
                    query.isEmpty ? "下载全部审计日志（CSV）" : "下载筛选结果（CSV）"
                }
                "（页面显示最新的 \(AuditController.shown) 条）"
            }
            HTML.element("div", [("class", "table-scroll")]) {
                HTML.element("table") {
                    HTML.element("thead") {
                        HTML.element("tr") { for title in columns { HTML.element("th") { title } } }
                    }
                    HTML.element("tbody") {
                        for entry in entries {
                            HTML.element("tr") {
                                for (index, cell) in cells(entry).enumerated() {
                                    if index >= 8 {
                                        HTML.element("td") { HTML.element("code") { cell } }
                                    } else {
                                        HTML.element("td", [("class", index == 0 ? "number" : nil)]) { cell }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// An entry's cells, in the order of ``columns``.
    static func cells(_ entry: AuditEntry) -> [String] {
        [String(entry.sequence), ChinaCalendar.timestamp(entry.at), entry.actor, Role(rawValue: entry.role)?.chinese ?? entry.role,
         entry.source, entry.action, entry.subject, outcome(entry.outcome), entry.before, entry.after]
    }

    private static func outcome(_ raw: String) -> String {
        switch AuditOutcome(rawValue: raw) {
        case .success: "成功"
        case .failure: "失败"
        case .denied: "拒绝"
        case nil: raw
        }
    }
}
