import JixiaoCore

/// 文字雷同: each pair of near-identical passages side by side, most similar first.
enum SimilarTextView {
    /// The page lists this many pairs.
    static let shownPairs = 300

    static func render(_ model: SimilarTextModel?, user: CurrentUser, csrf: String) -> String {
        Layout.page(title: "文字雷同", user: user, csrf: csrf) {
            HTML.element("h1") { "文字雷同" }
            if let model {
                HTML.element("form", [("method", "get"), ("class", "filters"), ("action", SiteURL.similarText.path)]) {
                    FormControls.filter("year", "年度", everything: "最近", options: model.years.map { (String($0), "\($0) 年") },
                                        selected: String(model.year))
                    HTML.element("button", [("type", "submit")]) { "查看" }
                }
                HTML.element("p", [("id", "similar-summary")]) {
                    "\(model.year) 年 \(model.departments) 个部门的 \(model.passages) 段文字中，"
                        + (model.own == nil ? "有 \(model.pairs.count) 对段落" : "本部门有 \(model.pairs.count) 段与其他部门")
                        + "的文字相似度达到 \(model.threshold.percentString(places: 0)) 以上（5 字片段的 MinHash 估计）。"
                }
                HTML.element("div", [("class", "table-scroll")]) {
                    HTML.element("table", [("id", "similar")]) {
                        HTML.element("thead") {
                            HTML.element("tr") {
                                for title in ["相似度", "部门甲及段落", "部门乙及段落"] { HTML.element("th") { title } }
                            }
                        }
                        HTML.element("tbody") {
                            for pair in model.pairs.prefix(shownPairs) {
                                let (mine, other) = model.own == pair.second.code ? (pair.second, pair.first) : (pair.first, pair.second)
                                HTML.element("tr") {
                                    HTML.element("td", [("class", "number")]) { pair.similarity.percentString(places: 0) }
                                    cell(mine, year: model.year, named: true)
                                    cell(other, year: model.year, named: model.own == nil)
                                }
                            }
                        }
                    }
                }
            } else {
                HTML.element("p") { "还没有部门年度数据。" }
            }
        }
    }

    private static func cell(_ passage: NearDuplicates.Passage, year: Int, named: Bool) -> HTML {
        HTML.element("td") {
            if named {
                HTML.element("a", [("href", SiteURL.narrative(code: passage.code, year: year).path)]) { passage.name }
                "（\(passage.place)）"
            } else {
                "其他部门（\(passage.place)）"
            }
            HTML.element("br")
            HTML.element("small") { String(passage.text.prefix(120)) + (passage.text.count > 120 ? "…" : "") }
        }
    }
}
