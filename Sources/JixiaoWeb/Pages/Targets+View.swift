import Foundation
import JixiaoCore
import JixiaoStore

/// 目标调整: the targets round's state, the request form (preparer, approved targets), the requests with their
/// steps, and every target's history.
enum TargetsView {
    static func render(_ model: TargetsModel, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "目标调整", user: user, csrf: csrf) {
            Layout.heading("目标调整与目标记录", code: model.code, name: model.name, year: model.year)
            FormControls.outcome(message: model.message, problems: model.problems)
            HTML.element("p") {
                "绩效目标：\(model.targetsState.chinese(in: .targets))。"
                model.targetsState == .approved
                    ? "财政已审核的目标不能直接修改；调整指标值、单位、方向或分值须写明理由，经部门负责人和财政审核通过后生效。"
                    : "财政审核通过前，目标在编制中直接修改；审核通过后的调整在本页申请。"
            }
            if model.mayRequest { requestForm(model, csrf: csrf) }
            HTML.element("h2") { "调整申请" }
            if model.requests.isEmpty {
                HTML.element("p") { "尚无目标调整申请。" }
            } else {
                for request in model.requests { requestCard(request, model, csrf: csrf) }
            }
            HTML.element("h2") { "目标记录" }
            historyTable(model)
        }
    }

    private static func requestForm(_ model: TargetsModel, csrf: String) -> HTML {
        let form = model.form
        return HTML.element("section", [("id", "adjust")]) {
            HTML.element("h2") { "申请调整目标" }
            HTML.element("form", [("method", "post"), ("class", "stack"),
                                  ("action", SiteURL.targets(code: model.code, year: model.year).path)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                HTML.element("label") {
                    "指标"
                    HTML.element("select", [("name", "indicator")]) {
                        HTML.element("option", [("value", "")]) { "请选择" }
                        for indicator in model.indicators {
                            HTML.element("option", [("value", indicator.id),
                                                    ("selected", form?.indicator == indicator.id ? "selected" : nil)]) {
                                "\(indicator.name)：\(TargetAdjustment.Target(indicator).text)"
                            }
                        }
                    }
                }
                HTML.element("p", [("class", "who")]) { "只填写要调整的项目，留空的保持现行目标。" }
                text("target", "新的指标值", form?.target)
                text("unit", "新的计量单位", form?.unit)
                HTML.element("label") {
                    "新的方向"
                    HTML.element("select", [("name", "direction")]) {
                        HTML.element("option", [("value", "")]) { "不变" }
                        for direction in Indicator.Direction.allCases {
                            HTML.element("option", [("value", direction.rawValue),
                                                    ("selected", form?.direction == direction.rawValue ? "selected" : nil)]) {
                                direction.symbol
                            }
                        }
                    }
                }
                text("weight", "新的分值", form?.weight)
                HTML.element("label") {
                    "调整理由（必填）"
                    HTML.element("textarea", [("name", "reason"), ("rows", "3")]) { form?.reason ?? "" }
                }
                HTML.element("div", [("class", "actions")]) { HTML.element("button", [("type", "submit")]) { "提交申请" } }
            }
        }
    }

    private static func text(_ name: String, _ label: String, _ value: String?) -> HTML {
        HTML.element("label") {
            label
            HTML.element("input", [("type", "text"), ("name", name), ("value", value)])
        }
    }

    private static func requestCard(_ request: TargetAdjustments.Request, _ model: TargetsModel, csrf: String) -> HTML {
        let actions = model.actions(request)
        return HTML.element("section", [("class", "adjustment"), ("id", "adjustment-\(request.number)")]) {
            HTML.element("h3") { "第 \(request.number) 号：\(request.indicatorName)（\(request.state.chinese)）" }
            HTML.element("p") { "\(request.before.text) → \(request.after.text)" }
            HTML.element("p") {
                "理由：\(request.reason)（\(request.requestedBy)，\(ChinaCalendar.timestamp(request.requestedAt))）"
            }
            if !request.returnReason.isEmpty {
                HTML.element("p", [("class", "error"), ("role", "alert")]) { "退回原因：\(request.returnReason)" }
            }
            if !actions.isEmpty {
                HTML.element("form", [("method", "post"), ("class", "stack"),
                                      ("action", SiteURL.targetAdjustment(code: model.code, year: model.year,
                                                                          number: request.number).path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    if actions.contains(.return) {
                        HTML.element("label") {
                            "退回原因（退回时必填）"
                            HTML.element("textarea", [("name", "reason"), ("rows", "2")])
                        }
                    }
                    HTML.element("div", [("class", "actions")]) {
                        for action in actions {
                            HTML.element("button", [("type", "submit"), ("name", "action"), ("value", action.rawValue)]) {
                                action.chinese
                            }
                        }
                    }
                }
            }
        }
    }

    private static func historyTable(_ model: TargetsModel) -> HTML {
        HTML.group {
            if model.history.isEmpty {
                HTML.element("p") { "目标经财政审核通过后，每个指标的目标及其每次调整都记录在这里。" }
            } else {
                HTML.element("div", [("class", "table-scroll")]) {
                    HTML.element("table", [("id", "target-history")]) {
                        HTML.element("thead") {
                            HTML.element("tr") {
                                for title in ["时间（北京时间）", "指标", "事项", "目标", "说明", "操作人"] {
                                    HTML.element("th") { title }
                                }
                            }
                        }
                        HTML.element("tbody") {
                            for entry in model.history {
                                HTML.element("tr") {
                                    HTML.element("td") { ChinaCalendar.timestamp(entry.at) }
                                    HTML.element("td") { entry.indicatorName }
                                    HTML.element("td") { entry.event == .approved ? "审核通过" : "调整生效" }
                                    HTML.element("td") { entry.target.text }
                                    HTML.element("td") { entry.reason }
                                    HTML.element("td") { entry.actor }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}


