import Foundation
import JixiaoCore

/// Reads a `jixiao/work-calendar@1` file: each year's public holidays (single days or `start/end` ranges) and its
/// make-up working weekends, every fault reported at once by path.
public enum WorkCalendarFile {
    /// The format string a calendar file declares.
    public static let format = "jixiao/work-calendar@1"

    /// The environment variable that names an administrator's calendar file, merged over the built-in one.
    public static let environmentVariable = "JIXIAO_WORK_CALENDAR"

    /// Decodes calendar JSON; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> WorkCalendar {
        let log = IssueLog()
        let root = JSONNode(value: try JSONParser.document(data, file: file), path: "", log: log)
        var years: [WorkCalendar.Year] = []
        if root.object(allowing: ["format", "years"]) {
            if root["format"].string() != format { root["format"].reject("\"\(format)\"", "“\(format)”") }
            var seen: Set<Int> = []
            years = root["years"].array(required: true).compactMap { entry in
                let arrangement = year(entry)
                if let arrangement, !seen.insert(arrangement.year).inserted {
                    entry["year"].fail("\(arrangement.year) is listed twice", "\(arrangement.year) 年重复")
                }
                return arrangement
            }
        }
        guard log.issues.isEmpty else { throw InputError(file: file, issues: log.issues) }
        return WorkCalendar(years: years)
    }

    /// The built-in calendar merged with the administrator's file named by ``environmentVariable``, if any.
    public static func configured(builtIn: WorkCalendar,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> WorkCalendar {
        guard let path = environment[environmentVariable], !path.isEmpty else { return builtIn }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(file: path, issues: [ValidationIssue(path: "", message: "cannot be read",
                                                                  chinese: "无法读取")])
        }
        return builtIn.merging(try decode(data, file: path))
    }

    private static func year(_ node: JSONNode) -> WorkCalendar.Year? {
        guard node.object(allowing: ["year", "source", "holidays", "workingWeekends"]) else { return nil }
        guard let year = node["year"].integer(in: 1949...2200) else { return nil }
        let source = node["source"].string() ?? ""
        var holidays: Set<CivilDate> = []
        for entry in node["holidays"].array(required: true) {
            holidays.formUnion(days(entry, year: year))
        }
        var working: Set<CivilDate> = []
        for entry in node["workingWeekends"].array(required: true) {
            for day in days(entry, year: year) {
                if day.weekday <= 5 {
                    entry.fail("\(day) is a weekday (expected a Saturday or Sunday worked in exchange)",
                               "\(day) 不是周末（调休上班日应为周六或周日）")
                }
                if holidays.contains(day) { entry.fail("\(day) is also a holiday", "\(day) 同时被列为放假日") }
                working.insert(day)
            }
        }
        return WorkCalendar.Year(year: year, source: source, holidays: holidays, workingWeekends: working)
    }

    /// A day `YYYY-MM-DD` or a range `YYYY-MM-DD/YYYY-MM-DD` within `year`.
    private static func days(_ node: JSONNode, year: Int) -> [CivilDate] {
        guard let text = node.string() else { return [] }
        let ends = text.split(separator: "/", omittingEmptySubsequences: false).map { CivilDate(iso: String($0)) }
        guard (1...2).contains(ends.count), let first = ends.first ?? nil, let last = ends.last ?? nil, first <= last,
              first.days(to: last) < 31 else {
            node.reject("a date (YYYY-MM-DD) or a range of at most a month (YYYY-MM-DD/YYYY-MM-DD)",
                        "日期（YYYY-MM-DD）或一个月以内的日期区间（YYYY-MM-DD/YYYY-MM-DD）")
            return []
        }
        guard first.year == year, last.year == year else {
            node.fail("\(text) is not in \(year)", "\(text) 不在 \(year) 年内")
            return []
        }
        return (0...first.days(to: last)).map { CivilDate(dayNumber: first.dayNumber + $0) }
    }
}
