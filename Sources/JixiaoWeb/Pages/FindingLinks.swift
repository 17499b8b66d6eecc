import Foundation
import JixiaoCore
import JixiaoStore

/// Where a finding's record is shown: the bundle path it names (`budget.lines[2]`, `indicators[0]`, `workPlan[3]`,
/// `projects[1].indicators[0]`…) turned into the page — and the row — that shows that record.
enum FindingLinks {
    static func url(_ finding: Finding, in year: DepartmentYear) -> String? {
        guard let subject = finding.subject else { return nil }
        let (code, number) = (year.department.code, year.year)
        let (kind, index) = parse(subject)
        switch kind {
        case "budget.lines":
            guard let index, year.budgetLines.indices.contains(index) else { return nil }
            return payments(ofLine: year.budgetLines[index].code, in: year)
        case "budget":
            return SiteURL.lines(code: code, year: number).path
        case "indicators":
            let anchor = index.flatMap { year.indicators.indices.contains($0) ? "#indicator-\(year.indicators[$0].id)" : nil }
            return SiteURL.indicators(code: code, year: number).path + (anchor ?? "")
        case "workPlan":
            let anchor = index.flatMap { year.workPlan.indices.contains($0) ? "#task-\(year.workPlan[$0].id)" : nil }
            return SiteURL.workPlan(code: code, year: number).path + (anchor ?? "")
        case "department.overview":
            return SiteURL.basics(code: code, year: number).path
        case _ where kind.hasPrefix("narrative"):
            return SiteURL.narrative(code: code, year: number).path
        case "procurements", "activities", "assets":
            return SiteURL.records(code: code, year: number, kind: kind).path
        case "projects":
            guard let index, year.projects.indices.contains(index) else { return nil }
            let project = year.projects[index]
            // `projects[1].indicators[0]`: the indicator's row on the project's page.
            let inner = parse(String(subject.drop { $0 != "." }.dropFirst()))
            let anchor = inner.0 == "indicators" ? inner.1.flatMap { position in
                project.indicators.indices.contains(position) ? "#indicator-\(project.indicators[position].id)" : nil
            } : nil
            return SiteURL.project(code: code, year: number, project: project.code).path + (anchor ?? "")
        default:
            return nil
        }
    }

    /// The payments page filtered to one line.
    static func payments(ofLine line: String, in year: DepartmentYear) -> String {
        SiteURL.payments(code: year.department.code, year: year.year).path + "?line="
            + (line.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    /// `workPlan[3]` → ("workPlan", 3); `budget` → ("budget", nil).
    static func parse(_ subject: String) -> (String, Int?) {
        guard let open = subject.firstIndex(of: "["), let close = subject[open...].firstIndex(of: "]") else {
            return (subject, nil)
        }
        return (String(subject[..<open]), Int(subject[subject.index(after: open)..<close]))
    }

    /// What the findings list offers for 整改: the items already made of the year's findings, and — for those who
    /// may — a form to make one of each finding that needs action.
    struct Rectifying {
        /// Items by ``key(_:)`` of the finding they came from.
        let listed: [String: Rectifications.Item]
        let mayAct: Bool
        let csrf: String

        /// How an item names its finding: code and subject.
        static func key(code: String, subject: String?) -> String { code + "|" + (subject ?? "") }
    }

    /// Findings as the pages list them: severity, the message linked to its record, its evidence folded, the
    /// suggested measure; with
    /// `rectifying`, each one's 整改 item or the form to make one.
    static func list(_ findings: [Finding], in year: DepartmentYear, rectifying: Rectifying? = nil) -> HTML {
        let places = Places(year)
        return HTML.element("ul", [("class", "findings")]) {
            for finding in findings {
                HTML.element("li") {
                    HTML.element("span", [("class", "severity-\(finding.severity.rawValue)")]) {
                        "【\(finding.severity.chinese)】"
                    }
                    message(finding, in: year)
                    if !finding.evidence.isEmpty {
                        HTML.element("details", [("class", "evidence")]) {
                            HTML.element("summary") { "依据（\(finding.evidence.count) 条）" }
                            HTML.element("ul") {
                                for line in finding.evidence { HTML.element("li") { line } }
                            }
                        }
                    } else {
                        HTML.element("br")
                    }
                    HTML.element("small") { "建议：\(finding.measure)" }
                    if let rectifying, finding.needsAction { rectify(finding, at: places, rectifying) }
                }
            }
        }
    }

    /// What every finding's 整改 links and form of one year share, worked out once for the list.
    private struct Places {
        let items: String
        let itemPrefix: String
        let add: String
        let deadline: String

        init(_ year: DepartmentYear) {
            let (code, number) = (year.department.code, year.year)
            items = RectificationController.listPath(code: code, year: number)
            itemPrefix = "#item-\(code)-\(number)-"
            add = SiteURL.rectificationAdd(code: code, year: number).path
            deadline = CivilDate(year: number + 1, month: 6, day: 30)!.description
        }
    }

    private static func rectify(_ finding: Finding, at places: Places, _ rectifying: Rectifying) -> HTML {
        if let item = rectifying.listed[Rectifying.key(code: finding.code, subject: finding.subject)] {
            return HTML.element("small", [("class", "rectified")]) {
                " "
                HTML.element("a", [("href", places.items + places.itemPrefix + String(item.number))]) {
                    "已列为第 \(item.number) 项整改（\(item.rectification.status.chinese)）"
                }
            }
        }
        guard rectifying.mayAct else { return .group {} }
        return HTML.element("details", [("class", "rectify")]) {
            HTML.element("summary") { "列入整改" }
            HTML.element("form", [("method", "post"), ("class", "filters"), ("action", places.add)]) {
                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", rectifying.csrf)])
                HTML.element("input", [("type", "hidden"), ("name", "finding"), ("value", finding.code)])
                HTML.element("input", [("type", "hidden"), ("name", "subject"), ("value", finding.subject ?? "")])
                HTML.element("label") {
                    "责任人或责任处室"
                    HTML.element("input", [("name", "owner"), ("required", "required")])
                }
                HTML.element("label") {
                    "整改期限"
                    HTML.element("input", [("type", "date"), ("name", "deadline"), ("value", places.deadline)])
                }
                HTML.element("button", [("type", "submit")]) { "列入整改" }
            }
        }
    }

    /// The finding's message, linked to its record when it has one.
    static func message(_ finding: Finding, in year: DepartmentYear) -> HTML {
        guard let url = url(finding, in: year) else { return .text(finding.message) }
        return HTML.element("a", [("href", url)]) { finding.message }
    }
}
