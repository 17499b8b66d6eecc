import Foundation
import JixiaoStore

/// The audit trail, newest first, with the state of its hash chain.
enum AuditView {
    static func render(entries: [AuditEntryModel], chain: String, intact: Bool, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "审计日志", user: user, csrf: csrf) {
            HTML.element("h1") { "审计日志" }
            HTML.element("p", [("class", intact ? "notice" : "error"), ("id", "chain")]) { chain }
            HTML.element("table") {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["序号", "时间（UTC）", "操作人", "操作", "对象", "修改前", "修改后"] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for entry in entries {
                        HTML.element("tr") {
                            HTML.element("td", [("class", "number")]) { String(entry.sequence) }
                            HTML.element("td") { timestamp(entry.at) }
                            HTML.element("td") { entry.actor }
                            HTML.element("td") { entry.action }
                            HTML.element("td") { entry.subject }
                            HTML.element("td") { HTML.element("code") { entry.before } }
                            HTML.element("td") { HTML.element("code") { entry.after } }
                        }
                    }
                }
            }
        }
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: date)
    }
}
