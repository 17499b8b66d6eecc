import Foundation
import JixiaoStore

/// The public portal's pages: the list of published self-evaluations and one version with its files.
enum PublicView {
    static func index(_ entries: [Publications.Entry], search: String) -> String {
        Layout.page(title: "绩效自评公开", user: nil, csrf: nil) {
            HTML.element("h1") { "部门整体支出绩效自评公开" }
            HTML.element("form", [("method", "get"), ("class", "filters"), ("action", SiteURL.publicIndex.path)]) {
                HTML.element("label") {
                    "部门名称或编码"
                    HTML.element("input", [("type", "search"), ("name", "q"), ("value", search)])
                }
                HTML.element("button", [("type", "submit")]) { "搜索" }
            }
            if entries.isEmpty {
                HTML.element("p") { "没有找到已公开的自评报告。" }
            } else {
                HTML.element("div", [("class", "table-scroll")]) {
                    HTML.element("table", [("id", "publications")]) {
                        HTML.element("thead") {
                            HTML.element("tr") { for title in ["年度", "部门", "版本", "公开日期"] { HTML.element("th") { title } } }
                        }
                        HTML.element("tbody") {
                            for entry in entries {
                                HTML.element("tr") {
                                    HTML.element("td", [("class", "number")]) { String(entry.year) }
                                    HTML.element("td") {
                                        HTML.element("a", [("href", SiteURL.publicVersion(
                                            code: entry.code, year: entry.year, version: entry.version).path)]) { entry.name }
                                    }
                                    HTML.element("td") { "第 \(entry.version) 版" }
                                    HTML.element("td") { String(ChinaCalendar.timestamp(entry.publishedAt).prefix(10)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func version(_ entry: Publications.Entry, hasPDF: Bool) -> String {
        Layout.page(title: "\(entry.name) \(entry.year) 年绩效自评", user: nil, csrf: nil) {
            HTML.element("p") { HTML.element("a", [("href", SiteURL.publicIndex.path)]) { "← 全部公开报告" } }
            HTML.element("h1") { "\(entry.name) \(entry.year) 年部门整体支出绩效自评报告" }
            HTML.element("p") { "第 \(entry.version) 版，公开于 \(ChinaCalendar.timestamp(entry.publishedAt))（北京时间）。" }
            HTML.element("ul", [("id", "public-files")]) {
                let files = [("report.html", "在线阅读（HTML）"), ("report.docx", "Word（公文格式）")]
                    + (hasPDF ? [("report.pdf", "PDF")] : []) + [("report.xlsx", "自评表（Excel）"), ("score.csv", "自评表（CSV）")]
                for (file, label) in files {
                    HTML.element("li") {
                        HTML.element("a", [("href", SiteURL.publicFile(code: entry.code, year: entry.year,
                                                                        version: entry.version, file: file).path)]) { label }
                    }
                }
            }
        }
    }
}
