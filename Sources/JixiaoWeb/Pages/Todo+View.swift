import JixiaoCore

/// 待办 on the home page: a list with links for the department's people; for the bureau's reviewer the queue with
/// its filters and a form that takes one step on several departments at once.
enum TodoView {
    static func render(_ model: TodoModel, party: ReviewParty?, csrf: String) -> HTML {
        HTML.element("section", [("id", "todo"), ("aria-label", "待办")]) {
            if let party {
                HTML.element("h2") { party == .bureau ? "待审核（审核队列）" : "待办" }
                if party == .bureau { filters(model) }
                if model.items.isEmpty {
                    if model.adjustments.isEmpty { HTML.element("p") { "没有待办事项。" } }
                } else if party == .bureau {
                    queue(model, csrf: csrf)
                } else {
                    HTML.element("ul", [("class", "todo")]) {
                        for item in model.items {
                            HTML.element("li", [("class", item.overdue || !item.status.returnReason.isEmpty ? "error" : nil)]) {
                                HTML.element("a", [("href", SiteURL.review(code: item.code, year: item.year).path)]) {
                                    item.text
                                }
                            }
                        }
                    }
                }
                if !model.adjustments.isEmpty {
                    HTML.element("h3") { "目标调整申请待审核" }
                    HTML.element("ul", [("class", "todo"), ("id", "adjustments-todo")]) {
                        for entry in model.adjustments {
                            HTML.element("li") {
                                HTML.element("a", [("href", SiteURL.targets(code: entry.code, year: entry.year).path
                                                        + "#adjustment-\(entry.request.number)")]) {
                                    "\(entry.name) \(entry.year) 年第 \(entry.request.number) 号："
                                        + "\(entry.request.indicatorName) \(entry.request.before.text) → \(entry.request.after.text)"
                                        + "（\(entry.request.state.chinese)）"
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func filters(_ model: TodoModel) -> HTML {
        HTML.element("form", [("method", "get"), ("class", "filters"), ("action", SiteURL.home.path)]) {
            HTML.element("label") {
                "环节"
                HTML.element("select", [("name", "round")]) {
                    HTML.element("option", [("value", "")]) { "全部" }
                    for round in ReviewRound.allCases {
                        HTML.element("option", [("value", round.rawValue),
                                                ("selected", model.round == round ? "selected" : nil)]) { round.chinese }
                    }
                }
            }
            HTML.element("label") {
                "状态"
                HTML.element("select", [("name", "state")]) {
                    HTML.element("option", [("value", "")]) { "全部" }
                    for state in [ReviewState.departmentApproved, .underReview, .approved] {
                        HTML.element("option", [("value", state.rawValue),
                                                ("selected", model.state == state ? "selected" : nil)]) {
                            state.chinese(in: .selfEvaluation)
                        }
                    }
                }
            }
            HTML.element("label") {
                "等级"
                HTML.element("select", [("name", "grade")]) {
                    HTML.element("option", [("value", "")]) { "全部" }
                    for grade in TodoModel.grades {
                        HTML.element("option", [("value", grade), ("selected", model.grade == grade ? "selected" : nil)]) {
                            grade
                        }
                    }
                }
            }
            HTML.element("label", [("class", "inline")]) {
                HTML.element("input", [("type", "checkbox"), ("name", "overdue"), ("value", "1"),
                                       ("checked", model.overdueOnly ? "checked" : nil)])
                "只看逾期"
            }
            HTML.element("button", [("type", "submit")]) { "筛选" }
        }
    }

    private static func queue(_ model: TodoModel, csrf: String) -> HTML {
        HTML.element("form", [("method", "post"), ("action", SiteURL.reviewBatch.path)]) {
            HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
            HTML.element("div", [("class", "table-scroll")]) {
                HTML.element("table", [("id", "review-queue")]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for title in ["选择", "部门", "年度", "环节", "状态", "等级", "期限", "可进行的操作"] { HTML.element("th") { title } }
                        }
                    }
                    HTML.element("tbody") {
                        for item in model.items {
                            HTML.element("tr", [("class", item.overdue ? "overdue" : nil)]) {
                                HTML.element("td") {
                                    HTML.element("input", [("type", "checkbox"), ("name", "items[]"), ("value", item.key),
                                                           ("aria-label", item.text)])
                                }
                                HTML.element("td") {
                                    HTML.element("a", [("href", SiteURL.review(code: item.code, year: item.year).path)]) {
                                        item.name
                                    }
                                }
                                HTML.element("td", [("class", "number")]) { String(item.year) }
                                HTML.element("td") { item.round.chinese }
                                HTML.element("td") { item.status.state.chinese(in: item.round) }
                                HTML.element("td") { item.grade.isEmpty ? "—" : item.grade }
                                HTML.element("td") { deadline(item) }
                                HTML.element("td") { item.actions.map(\.chinese).joined(separator: "、") }
                            }
                        }
                    }
                }
            }
            HTML.element("div", [("class", "actions")]) {
                HTML.element("label") {
                    "目标等级（批量通过绩效目标时必选）"
                    HTML.element("select", [("name", "grade")]) {
                        HTML.element("option", [("value", "")]) { "请选择" }
                        for grade in TargetGrade.allCases {
                            HTML.element("option", [("value", grade.rawValue)]) { grade.rawValue }
                        }
                    }
                }
                HTML.element("button", [("type", "submit"), ("name", "action"), ("value", ReviewAction.startReview.rawValue)]) {
                    "批量开始审核"
                }
                HTML.element("button", [("type", "submit"), ("name", "action"), ("value", ReviewAction.approve.rawValue)]) {
                    "批量审核通过"
                }
            }
        }
    }
}

extension TodoView {
    /// An item's deadline in a queue cell: to hand in, or to publish an approved self-evaluation.
    static func deadline(_ item: TodoModel.Item) -> String {
        guard let due = item.due else { return "—" }
        let what = item.status.state == .approved ? "公开" : "报送"
        return item.overdue ? "\(what)已逾期（\(due.description)）" : "\(what)截止 \(due.description)"
    }
}

/// The outcome of a batch step: each item and what became of it.
enum BatchResultView {
    static func render(results: [(String, String)], user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "批量审核结果", user: user, csrf: csrf) {
            HTML.element("h1") { "批量审核结果" }
            HTML.element("ul", [("id", "batch-results")]) {
                for (item, outcome) in results { HTML.element("li") { "\(item)：\(outcome)" } }
            }
            HTML.element("p") { HTML.element("a", [("href", SiteURL.home.path + "#todo")]) { "← 回到审核队列" } }
        }
    }
}
