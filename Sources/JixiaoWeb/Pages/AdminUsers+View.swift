import Foundation
import JixiaoStore

/// 用户管理 for the 系统管理员: every account with its state and actions, and the form to add one.
enum AdminUsersView {
    struct Row {
        let username: String
        let displayName: String
        let role: String
        let organisation: String
        let disabled: Bool
        let secondFactor: Bool
        let mustChange: Bool
    }

    static func render(rows: [Row], user: CurrentUser, csrf: String, message: String?, errors: [String]) -> String {
        Layout.page(title: "用户管理", user: user, csrf: csrf) {
            HTML.element("h1") { "用户管理" }
            FormControls.outcome(message: message, problems: errors)
            HTML.element("div", [("class", "table-scroll")]) {
                HTML.element("table") {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for title in ["用户名", "姓名", "角色", "部门", "状态", "操作"] { HTML.element("th") { title } }
                        }
                    }
                    HTML.element("tbody") {
                        for row in rows {
                            HTML.element("tr") {
                                HTML.element("td") { row.username }
                                HTML.element("td") { row.displayName }
                                HTML.element("td") { row.role }
                                HTML.element("td") { row.organisation }
                                HTML.element("td") { state(row) }
                                HTML.element("td") { actions(row, self: user, csrf: csrf) }
                            }
                        }
                    }
                }
            }
            HTML.element("h2") { "添加用户" }
            HTML.element("p") { "系统生成初始密码并只显示一次；用户首次登录时必须修改。" }
            HTML.element("form", [("class", "stack"), ("method", "post"), ("action", SiteURL.adminUsers.path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("label") {
                    "用户名"
                    HTML.element("input", [("type", "text"), ("name", "username"), ("required", "required"),
                                           ("maxlength", "64")])
                }
                HTML.element("label") {
                    "姓名"
                    HTML.element("input", [("type", "text"), ("name", "displayName"), ("maxlength", "64")])
                }
                HTML.element("label") {
                    "角色"
                    HTML.element("select", [("name", "role"), ("required", "required")]) {
                        for role in Role.allCases { HTML.element("option", [("value", role.rawValue)]) { role.chinese } }
                    }
                }
                HTML.element("label") {
                    "部门编码（填报人、部门负责人必填）"
                    HTML.element("input", [("type", "text"), ("name", "organisation"), ("maxlength", "64")])
                }
                HTML.element("button", [("type", "submit")]) { "添加" }
            }
        }
    }

    private static func state(_ row: Row) -> String {
        var parts = [row.disabled ? "已停用" : "正常"]
        if row.secondFactor { parts.append("已启用动态口令") }
        if row.mustChange { parts.append("待修改密码") }
        return parts.joined(separator: "，")
    }

    private static func actions(_ row: Row, self user: CurrentUser, csrf: String) -> HTML {
        HTML.element("div", [("class", "actions")]) {
            if row.username != user.username {
                button(row.username, row.disabled ? "enable" : "disable", row.disabled ? "启用" : "停用", csrf: csrf)
                button(row.username, "reset-password", "重置密码", csrf: csrf)
                if row.secondFactor { button(row.username, "reset-second-factor", "解除动态口令", csrf: csrf) }
                button(row.username, "remove", "删除", csrf: csrf)
            }
        }
    }

    private static func button(_ username: String, _ action: String, _ label: String, csrf: String) -> HTML {
        HTML.element("form", [("method", "post"), ("action", SiteURL.adminUser(username: username, action: action).path),
                              ("class", "inline")]) {
            HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
            HTML.element("button", [("type", "submit")]) { label }
        }
    }
}

/// 安全策略 for the 安全管理员: every setting with its range.
enum SecurityPolicyView {
    static func render(policy: SecurityPolicy, user: CurrentUser, csrf: String, message: String?,
                       errors: [String]) -> String {
        Layout.page(title: "安全策略", user: user, csrf: csrf) {
            HTML.element("h1") { "安全策略" }
            FormControls.outcome(message: message, problems: errors)
            HTML.element("form", [("class", "stack wide"), ("method", "post"), ("action", SiteURL.securityPolicy.path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                for setting in SecurityPolicy.settings {
                    HTML.element("label") {
                        "\(setting.label)（\(setting.range.lowerBound)–\(setting.range.upperBound)\(setting.unit)）"
                        HTML.element("input", [("type", "number"), ("name", setting.key),
                                               ("value", String(policy[setting.key])),
                                               ("min", String(setting.range.lowerBound)),
                                               ("max", String(setting.range.upperBound)), ("required", "required")])
                    }
                }
                HTML.element("button", [("type", "submit")]) { "保存" }
            }
        }
    }
}
