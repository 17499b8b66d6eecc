import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// 送审与审核: both rounds with their state and the forms for the steps the person may take, then the history.
enum ReviewView {
    static func render(_ model: ReviewModel, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "送审与审核", user: user, csrf: csrf) {
            Layout.heading("送审与审核", code: model.code, name: model.name, year: model.year)
            FormControls.outcome(message: model.message, problems: model.refusal.map { [$0.message] + $0.faults } ?? [])
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.targets(code: model.code, year: model.year).path)]) { "目标调整与目标记录" }
                " · "
                HTML.element("a", [("href", SiteURL.recheck(code: model.code, year: model.year).path)]) { "自评复核" }
            }
            if let year = model.departmentYear, !model.findings.isEmpty {
                HTML.element("h2") { "待整改的问题（\(model.findings.count) 个）" }
                HTML.element("p", [("class", "hint")]) { "自评与业务记录不符、目标无法考核、文字与其他部门雷同等，审核时请逐项核对。" }
                FindingLinks.list(model.findings, in: year)
            }
            for round in ReviewRound.allCases { section(round, model, csrf: csrf) }
            HTML.element("h2") { "审核记录" }
            if model.history.isEmpty {
                HTML.element("p") { "尚无送审或审核记录。" }
            } else {
                HTML.element("div", [("class", "table-scroll")]) {
                    HTML.element("table", [("id", "review-history")]) {
                        HTML.element("thead") {
                            HTML.element("tr") {
                                for title in ["时间（北京时间）", "环节", "操作", "状态变化", "操作人", "原因或等级"] {
                                    HTML.element("th") { title }
                                }
                            }
                        }
                        HTML.element("tbody") {
                            for event in model.history.reversed() {
                                HTML.element("tr") {
                                    HTML.element("td") { ChinaCalendar.timestamp(event.at) }
                                    HTML.element("td") { event.round.chinese }
                                    HTML.element("td") { event.action.chinese }
                                    HTML.element("td") {
                                        "\(event.from.chinese(in: event.round)) → \(event.to.chinese(in: event.round))"
                                    }
                                    HTML.element("td") { "\(event.actor)（\(Role(rawValue: event.role)?.chinese ?? event.role)）" }
                                    HTML.element("td") { [event.grade.map { "等级：\($0.rawValue)" }, event.reason]
                                        .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "；") }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Up to three notes pointed at a part of the year or one indicator, shown on that part's pages after a return.
    private static func remarkRows(_ model: ReviewModel) -> HTML {
        HTML.element("fieldset", [("class", "remarks")]) {
            HTML.element("legend") { "逐项意见（可选）：指向需要修改的部分，会显示在该部分的页面上" }
            for row in 1...3 {
                HTML.element("div", [("class", "remark-row")]) {
                    HTML.element("select", [("name", "point[]"), ("aria-label", "第 \(row) 条意见所指的部分")]) {
                        for section in ReviewRemark.Section.allCases {
                            HTML.element("option", [("value", section.rawValue)]) { section.chinese }
                        }
                        for indicator in model.indicators {
                            HTML.element("option", [("value", "\(ReviewRemark.Section.indicators.rawValue):\(indicator.id)")]) {
                                "指标：\(indicator.name)"
                            }
                        }
                    }
                    HTML.element("input", [("type", "text"), ("name", "note[]"), ("aria-label", "第 \(row) 条意见")])
                }
            }
        }
    }

    /// The part a note points at, in words.
    private static func part(_ remark: ReviewRemark, _ model: ReviewModel) -> String {
        guard let id = remark.indicator else { return remark.section.chinese }
        return "指标“\(model.indicators.first { $0.id == id }?.name ?? id)”"
    }

    private static func section(_ round: ReviewRound, _ model: ReviewModel, csrf: String) -> HTML {
        let status = model.status(round)
        return HTML.element("section", [("id", "round-\(round.rawValue)"), ("class", "review-round")]) {
            HTML.element("h2") { round.chinese }
            HTML.element("p") {
                "状态："
                HTML.element("strong", [("class", "review-state")]) { status.state.chinese(in: round) }
                if let grade = status.grade { "（目标等级：\(grade.rawValue)）" }
            }
            if !status.returnReason.isEmpty {
                HTML.element("div", [("class", "error"), ("role", "alert")]) {
                    HTML.element("p") { "已退回，原因：\(status.returnReason)" }
                    if !status.remarks.isEmpty {
                        HTML.element("ul", [("class", "remarks")]) {
                            for remark in status.remarks {
                                HTML.element("li") { "\(part(remark, model))：\(remark.note)" }
                            }
                        }
                    }
                }
            }
            if ReviewMachine.locks(status.state) {
                HTML.element("p", [("class", "who")]) {
                    round == .targets ? "送审后整年数据不能重新导入；撤回或被退回后才能修改。"
                        : "送审后除支付外的数据（预算项目、计划、工作任务、指标进度、报告文字）都不能修改；撤回或被退回后才能修改。"
                }
            }
            let actions = model.actions(round)
            if !actions.isEmpty {
                HTML.element("form", [("method", "post"), ("class", "stack"),
                                      ("action", SiteURL.review(code: model.code, year: model.year).path)]) {
                    HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                    HTML.element("input", [("type", "hidden"), ("name", "round"), ("value", round.rawValue)])
                    if actions.contains(.return) {
                        HTML.element("label") {
                            "退回原因（退回时必填，写明哪里需要修改）"
                            HTML.element("textarea", [("name", "reason"), ("rows", "3"),
                                                      ("maxlength", String(TextLimits.maximumCharacters))])
                        }
                        remarkRows(model)
                    }
                    if round == .targets, actions.contains(.approve), model.party == .bureau {
                        HTML.element("label") {
                            "目标等级（审核通过时必选）"
                            HTML.element("select", [("name", "grade")]) {
                                HTML.element("option", [("value", "")]) { "请选择" }
                                for grade in TargetGrade.allCases {
                                    HTML.element("option", [("value", grade.rawValue)]) { grade.rawValue }
                                }
                            }
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
}
