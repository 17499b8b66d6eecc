import Foundation
import JixiaoCore
import JixiaoStore

/// 自评复核 (bureau): the year's campaign settings, the draw form, and the departments drawn with their re-check.
enum SpotCheckView {
    static func render(_ model: SpotCheckPage, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "自评复核", user: user, csrf: csrf) {
            HTML.element("h1") { "自评复核 · \(model.year) 年" }
            HTML.element("form", [("method", "get"), ("action", SiteURL.spotCheck(year: nil).path), ("class", "inline")]) {
                HTML.element("label") {
                    "年度 "
                    HTML.element("select", [("name", "year")]) {
                        for year in model.years.sorted(by: >) {
                            HTML.element("option", [("value", String(year)),
                                                    ("selected", year == model.year ? "selected" : nil)]) { String(year) }
                        }
                    }
                }
                HTML.element("button", [("type", "submit")]) { "查看" }
            }
            FormControls.outcome(message: model.message, problems: model.problems)
            HTML.element("h2") { "已抽取的部门" }
            if model.rows.isEmpty {
                HTML.element("p") { "本年度尚未抽取部门复核。" }
            } else {
                drawnTable(model)
            }
            if model.mayAct { drawForm(model, csrf: csrf) }
            campaign(model, csrf: csrf)
        }
    }

    private static func campaign(_ model: SpotCheckPage, csrf: String) -> HTML {
        let campaign = model.campaign
        return HTML.element("section", [("id", "campaign")]) {
            HTML.element("h2") { "考核安排" }
            HTML.element("p") {
                if let campaign {
                    "绩效目标截止 \(campaign.targetsDue.chinese)，绩效自评截止 \(campaign.evaluationDue.chinese)；"
                        + "复核得分与自评相差超过 \(campaign.recheckThreshold.description) 分或等级变化的部门标出；"
                        + "自评审核通过后 \(campaign.publishDays) 日内公开。"
                } else {
                    "本年度尚未安排：请设定截止日期。复核差异阈值默认 5 分，公开期限默认 20 日。"
                }
            }
            if model.mayAct {
                HTML.element("form", [("method", "post"), ("action", SiteURL.reviewCampaign.path), ("class", "stack")]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "year"), ("value", String(model.year))])
                    date("targetsDue", "绩效目标截止日期", campaign?.targetsDue
                        ?? CivilDate(year: model.year, month: 3, day: 31))
                    date("evaluationDue", "绩效自评截止日期", campaign?.evaluationDue
                        ?? CivilDate(year: model.year + 1, month: 4, day: 30))
                    HTML.element("label") {
                        "复核差异阈值（分）"
                        HTML.element("input", [("type", "text"), ("name", "threshold"), ("inputmode", "decimal"),
                                               ("value", (campaign?.recheckThreshold
                                                   ?? ReviewCampaigns.Campaign.defaultRecheckThreshold).description)])
                    }
                    HTML.element("label") {
                        "审核通过后公开期限（日）"
                        HTML.element("input", [("type", "number"), ("name", "publishDays"), ("min", "1"), ("max", "365"),
                                               ("value", String(campaign?.publishDays
                                                   ?? ReviewCampaigns.Campaign.defaultPublishDays))])
                    }
                    HTML.element("div", [("class", "actions")]) {
                        HTML.element("button", [("type", "submit")]) { "保存考核安排" }
                    }
                }
            }
        }
    }

    private static func date(_ name: String, _ label: String, _ value: CivilDate?) -> HTML {
        HTML.element("label") {
            label
            HTML.element("input", [("type", "date"), ("name", name), ("value", value?.description)])
        }
    }

    private static func drawForm(_ model: SpotCheckPage, csrf: String) -> HTML {
        HTML.element("section", [("id", "draw")]) {
            HTML.element("h2") { "抽取复核部门" }
            HTML.element("p") {
                "可抽取 \(model.candidates) 个部门（绩效自评已由部门审核、财政审核中或已通过，且尚未抽取）。"
                    + "随机抽取记录种子，任何人可用同一种子重现抽取结果。"
            }
            HTML.element("form", [("method", "post"), ("action", SiteURL.spotCheck(year: nil).path), ("class", "stack")]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "year"), ("value", String(model.year))])
                HTML.element("label") {
                    "抽取数量"
                    HTML.element("input", [("type", "number"), ("name", "count"), ("min", "1"), ("max", "1000"),
                                           ("value", "1")])
                }
                HTML.element("label") {
                    "抽取方式"
                    HTML.element("select", [("name", "method")]) {
                        HTML.element("option", [("value", "random")]) { "随机抽取" }
                        HTML.element("option", [("value", "risk")]) { "按风险抽取" }
                    }
                }
                HTML.element("label") {
                    "随机种子（随机抽取时使用，留空则自动生成并记录）"
                    HTML.element("input", [("type", "text"), ("name", "seed"), ("inputmode", "numeric")])
                }
                HTML.element("label") {
                    "风险指标（按风险抽取时使用）"
                    HTML.element("select", [("name", "measure")]) {
                        for measure in SpotCheck.RiskMeasure.allCases {
                            HTML.element("option", [("value", measure.rawValue)]) { measure.chinese }
                        }
                    }
                }
                HTML.element("div", [("class", "actions")]) {
                    HTML.element("button", [("type", "submit")]) { "抽取" }
                }
            }
        }
    }

    private static func drawnTable(_ model: SpotCheckPage) -> HTML {
        HTML.element("div", [("class", "table-scroll")]) {
            HTML.element("table", [("id", "drawn")]) {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for title in ["部门", "抽取方式", "风险", "自评得分", "复核得分", "差异", "等级", "标记"] {
                            HTML.element("th") { title }
                        }
                    }
                }
                HTML.element("tbody") {
                    for row in model.rows {
                        let comparison = row.comparison
                        HTML.element("tr", [("class", comparison.isFlagged ? "flagged" : nil)]) {
                            HTML.element("td") {
                                HTML.element("a", [("href", SiteURL.recheck(code: row.member.code, year: model.year).path)]) {
                                    row.member.name
                                }
                            }
                            HTML.element("td") { "\(row.member.method) 第 \(row.member.position) 位" }
                            HTML.element("td") { row.member.risk.isEmpty ? "—" : row.member.risk }
                            HTML.element("td", [("class", "number")]) { comparison.selfTotal.formatted(places: 2) }
                            HTML.element("td", [("class", "number")]) {
                                comparison.hasRescores ? comparison.recheckTotal.formatted(places: 2) : "未复核"
                            }
                            HTML.element("td", [("class", "number")]) {
                                comparison.hasRescores ? RecheckView.signed(comparison.difference) : "—"
                            }
                            HTML.element("td") { "\(comparison.selfGrade) → \(comparison.recheckGrade)" }
                            HTML.element("td", [("class", "flag")]) { RecheckView.flag(comparison) }
                        }
                    }
                }
            }
        }
    }
}
