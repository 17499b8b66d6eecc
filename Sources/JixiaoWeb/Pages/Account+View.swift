import JixiaoStore

/// 我的账号: change the password, enrol or remove the second factor, and the sign-in's second step.
enum AccountView {
    /// The account page: who is signed in, the password form, the second factor's state.
    static func render(user: CurrentUser, hasSecondFactor: Bool, csrf: String, message: String?,
                       errors: [String]) -> String {
        Layout.page(title: "我的账号", user: user, csrf: csrf) {
            HTML.element("h1") { "我的账号" }
            HTML.element("p") { "\(user.displayName)（\(user.username)，\(user.role.chinese)）" }
            passwordForm(csrf: csrf, message: message, errors: errors, forced: false)
            HTML.element("h2") { "动态口令（第二重验证）" }
            if hasSecondFactor {
                HTML.element("p") { "已启用：登录时除密码外还需输入手机验证器上的六位动态口令。" }
                HTML.element("form", [("method", "post"), ("action", SiteURL.accountSecondFactorRemove.path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("button", [("type", "submit")]) { "停用动态口令" }
                }
            } else {
                HTML.element("p") {
                    "未启用。"
                    HTML.element("a", [("href", SiteURL.accountSecondFactor.path)]) { "设置动态口令 →" }
                }
            }
        }
    }

    /// The page a person must pass when their password has to change.
    static func forcedPassword(user: CurrentUser, csrf: String, errors: [String]) -> String {
        Layout.page(title: "修改密码", user: user, csrf: csrf) {
            HTML.element("h1") { "请先修改密码" }
            HTML.element("p") { "这是首次登录、管理员重置了密码，或密码已过有效期：设置新密码后才能继续使用。" }
            passwordForm(csrf: csrf, message: nil, errors: errors, forced: true)
        }
    }

    static func passwordForm(csrf: String, message: String?, errors: [String], forced: Bool) -> HTML {
        HTML.group {
            FormControls.outcome(message: message, problems: errors)
            if !forced { HTML.element("h2") { "修改密码" } }
            HTML.element("form", [("class", "stack"), ("method", "post"), ("action", SiteURL.accountPassword.path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                for (name, label, autocomplete) in [("current", "当前密码", "current-password"),
                                                    ("new", "新密码", "new-password"),
                                                    ("again", "再次输入新密码", "new-password")] {
                    HTML.element("label") {
                        label
                        HTML.element("input", [("type", "password"), ("name", name), ("autocomplete", autocomplete),
                                               ("required", "required")])
                    }
                }
                HTML.element("button", [("type", "submit")]) { "保存新密码" }
            }
        }
    }

    /// Enrolment: the secret as text and as an `otpauth://` link, and the field for the first code.
    static func enrol(user: CurrentUser, secret: String, uri: String, csrf: String, error: String?) -> String {
        Layout.page(title: "设置动态口令", user: user, csrf: csrf) {
            HTML.element("h1") { "设置动态口令" }
            HTML.element("ol") {
                HTML.element("li") { "在手机上打开验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP）。" }
                HTML.element("li") {
                    "添加账号，手动输入密钥："
                    HTML.element("code", [("id", "totp-secret")]) { grouped(secret) }
                    "（基于时间，30 秒，6 位），或在手机上打开 "
                    HTML.element("a", [("href", uri), ("id", "totp-uri")]) { "这个链接" }
                    "。"
                }
                HTML.element("li") { "输入应用显示的六位数字，完成设置。" }
            }
            if let error { HTML.element("p", [("class", "error"), ("role", "alert")]) { error } }
            HTML.element("form", [("class", "stack"), ("method", "post"), ("action", SiteURL.accountSecondFactor.path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("label") {
                    "六位动态口令"
                    HTML.element("input", [("type", "text"), ("name", "code"), ("inputmode", "numeric"),
                                           ("autocomplete", "one-time-code"), ("required", "required")])
                }
                HTML.element("button", [("type", "submit")]) { "启用" }
            }
        }
    }

    /// The recovery codes, shown once after enrolment.
    static func recoveryCodes(user: CurrentUser, codes: [String], csrf: String) -> String {
        Layout.page(title: "恢复码", user: user, csrf: csrf) {
            HTML.element("h1") { "动态口令已启用" }
            HTML.element("p") { "请抄下或打印这些恢复码并妥善保管。手机丢失时，每个恢复码可代替动态口令登录一次。它们只显示这一次。" }
            HTML.element("ul", [("id", "recovery-codes")]) {
                for code in codes { HTML.element("li") { HTML.element("code") { code } } }
            }
            HTML.element("p") { HTML.element("a", [("href", SiteURL.home.path)]) { "继续 →" } }
        }
    }

    private static func grouped(_ secret: String) -> String {
        stride(from: 0, to: secret.count, by: 4).map { offset in
            let start = secret.index(secret.startIndex, offsetBy: offset)
            return String(secret[start..<(secret.index(start, offsetBy: 4, limitedBy: secret.endIndex) ?? secret.endIndex)])
        }.joined(separator: " ")
    }
}

/// The second step of signing in.
enum SecondFactorSignInView {
    static func render(csrf: String, next: String, error: String?) -> String {
        Layout.page(title: "动态口令", user: nil, csrf: nil) {
            HTML.element("h1") { "输入动态口令" }
            HTML.element("p") { "请输入手机验证器上显示的六位数字；手机不在身边时，可输入一个恢复码。" }
            if let error { HTML.element("p", [("class", "error"), ("role", "alert")]) { error } }
            HTML.element("form", [("class", "stack"), ("method", "post"), ("action", SiteURL.signInSecondFactor.path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "next"), ("value", next)])
                HTML.element("label") {
                    "动态口令或恢复码"
                    HTML.element("input", [("type", "text"), ("name", "code"), ("autocomplete", "one-time-code"),
                                           ("required", "required"), ("autofocus", "autofocus")])
                }
                HTML.element("button", [("type", "submit")]) { "登录" }
            }
        }
    }
}
