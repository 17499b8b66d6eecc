/// Form pieces every page shares: a labelled control with its error beside it, text inputs, selects.
enum FormControls {
    /// A labelled control; a wrong value's message stands right under it.
    static func field(_ name: String, _ label: String, errors: FieldErrors,
                      @HTMLBuilder control: () -> HTML) -> HTML {
        HTML.element("div", [("class", "field")]) {
            HTML.element("label", [("for", name)]) { label }
            control()
            if let error = errors[name] {
                HTML.element("span", [("class", "field-error"), ("id", "\(name)-error")]) { error }
            }
        }
    }

    /// A text input marked invalid when its field has an error.
    static func text(_ name: String, value: String?, errors: FieldErrors, mode: String? = nil) -> HTML {
        HTML.element("input", [("type", "text"), ("name", name), ("id", name), ("value", value), ("inputmode", mode),
                               ("aria-invalid", errors[name] == nil ? nil : "true"),
                               ("aria-describedby", errors[name] == nil ? nil : "\(name)-error"),
                               ("autofocus", errors.takesFocus(name) ? "autofocus" : nil)])
    }

    /// A select of (value, label) options with one selected.
    static func select(_ name: String, options: [(String, String)], selected: String?, errors: FieldErrors) -> HTML {
        HTML.element("select", [("name", name), ("id", name), ("aria-invalid", errors[name] == nil ? nil : "true"),
                                ("autofocus", errors.takesFocus(name) ? "autofocus" : nil)]) {
            HTML.element("option", [("value", "")]) { "请选择" }
            for (value, label) in options {
                HTML.element("option", [("value", value), ("selected", selected == value ? "selected" : nil)]) { label }
            }
        }
    }

    /// A filter's labelled select: the first option (value "") is `everything`, then `options`, one selected.
    static func filter(_ name: String, _ label: String, everything: String, options: [(String, String)],
                       selected: String?) -> HTML {
        HTML.element("label") {
            label
            HTML.element("select", [("name", name)]) {
                HTML.element("option", [("value", "")]) { everything }
                for (value, text) in options {
                    HTML.element("option", [("value", value), ("selected", selected == value ? "selected" : nil)]) { text }
                }
            }
        }
    }

    /// A group of checkboxes posting `name[]` once per ticked value; an option with a reason in `disabled` cannot
    /// be ticked and says why.
    static func checkboxes(_ name: String, _ label: String, _ options: [(String, String)], checked: [String],
                           disabled: [String: String] = [:], errors: FieldErrors) -> HTML {
        HTML.element("fieldset", [("class", "checks"), ("id", name),
                                  ("aria-invalid", errors[name] == nil ? nil : "true")]) {
            HTML.element("legend") { label }
            for (value, text) in options {
                HTML.element("label", [("class", "check")]) {
                    HTML.element("input", [("type", "checkbox"), ("name", "\(name)[]"), ("value", value),
                                           ("checked", checked.contains(value) ? "checked" : nil),
                                           ("disabled", disabled[value] == nil ? nil : "disabled")])
                    text + (disabled[value].map { "（\($0)）" } ?? "")
                }
            }
            if let error = errors[name] {
                HTML.element("span", [("class", "field-error"), ("id", "\(name)-error")]) { error }
            }
        }
    }

    /// At the top of a form that came back: how many fields need correcting, each linked to its field.
    static func summary(_ errors: FieldErrors, message: String?) -> HTML {
        HTML.group {
            if let message {
                HTML.element("div", [("class", "error"), ("role", "alert"), ("id", "error-summary")]) {
                    HTML.element("p") { message }
                    if !errors.isEmpty {
                        HTML.element("ul") {
                            for (field, text) in errors.all {
                                HTML.element("li") { HTML.element("a", [("href", "#\(field)")]) { text } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// What a form's last submission did: the message when it was saved, and every problem when it was not.
    static func outcome(message: String?, problems: [String]) -> HTML {
        HTML.group {
            if let message { HTML.element("p", [("class", "notice"), ("role", "status"), ("id", "message")]) { message } }
            if !problems.isEmpty {
                HTML.element("ul", [("class", "error"), ("role", "alert"), ("id", "problems")]) {
                    for problem in problems { HTML.element("li") { problem } }
                }
            }
        }
    }
}
