import Foundation
import JixiaoCore
import JixiaoStore

/// 复核评分: the department's own score of every item beside the bureau's re-score, the totals and grades, and —
/// for the bureau's reviewer while the department is drawn and held — a form per item.
enum RecheckView {
    static func render(_ model: RecheckPage, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "自评复核", user: user, csrf: csrf) {
            Layout.heading("自评复核", code: model.code, name: model.name, year: model.year)
            FormControls.outcome(message: model.message, problems: model.problems)
            if let drawn = model.drawn {
                HTML.element("p") {
                    "\(ChinaCalendar.timestamp(drawn.drawnAt)) 由 \(drawn.drawnBy) \(drawn.method)抽中（第 \(drawn.position) 位"
                        + (drawn.risk.isEmpty ? "" : "，\(drawn.risk)") + "）。"
                }
                summary(model.comparison, places: model.places)
                table(model)
                if model.mayRescore { forms(model, csrf: csrf) }
            } else {
                HTML.element("p") { "本年度未被抽中复核。" }
            }
        }
    }

    private static func summary(_ comparison: Recheck, places: Int) -> HTML {
        HTML.element("div", [("class", "cards")]) {
            Layout.card("自评得分", comparison.selfTotal.formatted(places: places) + "（\(comparison.selfGrade)）", id: "self-total")
            Layout.card("复核得分", comparison.recheckTotal.formatted(places: places) + "（\(comparison.recheckGrade)）",
                        id: "recheck-total")
            Layout.card("差异", signed(comparison.difference), id: "recheck-difference")
            Layout.card("标记", flag(comparison), id: "recheck-flag")
        }
    }

    private static func table(_ model: RecheckPage) -> HTML {
        HTML.element("div", [("class", "table-scroll")]) {
            HTML.element("table", [("id", "recheck")]) {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["指标", "分值", "自评得分", "复核得分", "差异", "复核理由", "复核材料"] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for row in model.comparison.rows {
                        HTML.element("tr", [("id", "item-\(row.item)")]) {
                            HTML.element("td") { row.label }
                            HTML.element("td", [("class", "number")]) { row.weight.formatted(places: model.places) }
                            HTML.element("td", [("class", "number")]) { row.selfScore.formatted(places: model.places) }
                            HTML.element("td", [("class", "number")]) {
                                row.rescore.map { $0.score.formatted(places: model.places) } ?? "—"
                            }
                            HTML.element("td", [("class", "number")]) { row.rescore == nil ? "—" : signed(row.difference) }
                            HTML.element("td") { row.rescore?.reason ?? "" }
                            HTML.element("td") {
                                if let stored = model.stored[row.item], let name = stored.fileName {
                                    HTML.element("a", [("href", SiteURL.recheckFile(code: model.code, year: model.year,
                                                                                     item: row.item).path)]) { name }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func forms(_ model: RecheckPage, csrf: String) -> HTML {
        HTML.element("section", [("id", "rescore")]) {
            HTML.element("h2") { "复核评分" }
            HTML.element("p", [("class", "who")]) {
                "逐项填写复核得分和理由，可附一份佐证文件（PDF、图片、Word 或 Excel，不超过 10 MB）；未复核的项目按自评得分计。"
            }
            for row in model.comparison.rows {
                HTML.element("form", [("method", "post"), ("enctype", "multipart/form-data"), ("class", "stack rescore"),
                                      ("action", SiteURL.recheck(code: model.code, year: model.year).path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "item"), ("value", row.item)])
                    HTML.element("h3") {
                        "\(row.label)（分值 \(row.weight.formatted(places: model.places))，"
                            + "自评 \(row.selfScore.formatted(places: model.places))）"
                    }
                    HTML.element("label") {
                        "复核得分"
                        HTML.element("input", [("type", "text"), ("name", "score"), ("inputmode", "decimal"),
                                               ("value", row.rescore?.score.description)])
                    }
                    HTML.element("label") {
                        "复核理由"
                        HTML.element("textarea", [("name", "reason"), ("rows", "2")]) { row.rescore?.reason ?? "" }
                    }
                    HTML.element("label") {
                        "佐证文件（可选）"
                        HTML.element("input", [("type", "file"), ("name", "file"),
                                               ("accept", ".pdf,.png,.jpg,.jpeg,.docx,.xlsx")])
                    }
                    HTML.element("div", [("class", "actions")]) {
                        HTML.element("button", [("type", "submit")]) { "保存复核得分" }
                    }
                }
            }
        }
    }

    /// A difference with its sign, two decimals.
    static func signed(_ value: Rational) -> String { (value > .zero ? "+" : "") + value.formatted(places: 2) }

    /// Whether a re-check stands out, in words.
    static func flag(_ comparison: Recheck) -> String {
        guard comparison.hasRescores else { return "—" }
        if comparison.selfGrade != comparison.recheckGrade { return "等级变化" }
        return comparison.isFlagged ? "差异超过 \(comparison.threshold.description) 分" : "在阈值内"
    }
}
