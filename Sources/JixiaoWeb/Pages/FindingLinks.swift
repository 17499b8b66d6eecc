import Foundation
import JixiaoCore

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

    /// Findings as the pages list them: severity, the message linked to its record, the suggested measure.
    static func list(_ findings: [Finding], in year: DepartmentYear) -> HTML {
        HTML.element("ul", [("class", "findings")]) {
            for finding in findings {
                HTML.element("li") {
                    HTML.element("span", [("class", "severity-\(finding.severity.rawValue)")]) {
                        "【\(finding.severity.chinese)】"
                    }
                    message(finding, in: year)
                    HTML.element("br")
                    HTML.element("small") { "建议：\(finding.measure)" }
                }
            }
        }
    }

    /// The finding's message, linked to its record when it has one.
    static func message(_ finding: Finding, in year: DepartmentYear) -> HTML {
        guard let url = url(finding, in: year) else { return .text(finding.message) }
        return HTML.element("a", [("href", url)]) { finding.message }
    }
}
