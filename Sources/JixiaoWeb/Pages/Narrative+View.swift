import JixiaoCore
import JixiaoIO

/// The report's written sections: each editable, beside what the report prints for it now.
enum NarrativeView {
    struct Section {
        let section: NarrativeSection
        let written: String
        let printed: String
    }

    static func render(code: String, name: String, year: Int, version: Int, sections: [Section], mayChange: Bool,
                       message: String?, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "报告文字", user: user, csrf: csrf) {
            Layout.heading("报告文字", code: code, name: name, year: year)
            HTML.element("p") {
                "每节留空时，报告按数据自动起草；填写后，报告使用您的文字（数据部分仍自动生成）。每节最多 \(TextLimits.maximumCharacters) 字。"
            }
            if let message { HTML.element("p", [("class", "notice"), ("role", "status")]) { message } }
            HTML.element("form", [("method", "post"), ("action", SiteURL.narrative(code: code, year: year).path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "version"), ("value", String(version))])
                for item in sections {
                    HTML.element("section", [("class", "narrative")]) {
                        HTML.element("h2") { item.section.heading }
                        HTML.element("div", [("class", "columns")]) {
                            HTML.element("label") {
                                "您的文字"
                                HTML.element("textarea", [("name", item.section.rawValue), ("rows", "8"),
                                                          ("maxlength", String(TextLimits.maximumCharacters)),
                                                          ("disabled", mayChange ? nil : "disabled")]) { item.written }
                            }
                            HTML.element("div", [("class", "printed")]) {
                                HTML.element("div", [("class", "label")]) { "报告中现在的内容" }
                                for line in item.printed.split(separator: "\n") { HTML.element("p") { String(line) } }
                            }
                        }
                    }
                }
                if mayChange { HTML.element("button", [("type", "submit")]) { "保存" } }
            }
        }
    }
}
