/// The sign-in page.
enum SignInView {
    static func render(csrf: String, next: String, error: String?, username: String) -> String {
        Layout.page(title: "登录", user: nil, csrf: nil) {
            HTML.element("h1") { "登录" }
            if let error { HTML.element("p", [("class", "error"), ("role", "alert")]) { error } }
            HTML.element("form", [("class", "stack"), ("method", "post"), ("action", SiteURL.signIn.path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "next"), ("value", next)])
                HTML.element("label") {
                    "用户名"
                    HTML.element("input", [("type", "text"), ("name", "username"), ("value", username),
                                           ("autocomplete", "username"), ("required", "required"),
                                           ("autofocus", "autofocus")])
                }
                HTML.element("label") {
                    "密码"
                    HTML.element("input", [("type", "password"), ("name", "password"),
                                           ("autocomplete", "current-password"), ("required", "required")])
                }
                HTML.element("button", [("type", "submit")]) { "登录" }
            }
        }
    }
}
