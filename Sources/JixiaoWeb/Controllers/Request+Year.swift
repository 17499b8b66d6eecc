import JixiaoCore
import JixiaoStore
import Vapor

extension Request {
    /// The department-year the path names (`:code/:year`), after checking the user may see it: 404 when there is
    /// none, 403 when it is another department's.
    func visibleYear() async throws -> (CurrentUser, DepartmentYear) {
        let user = try requireUser()
        guard let code = parameters.get("code"), let year = parameters.get("year", as: Int.self) else {
            throw Abort(.notFound)
        }
        guard user.maySee(organisation: code) else { throw Abort(.forbidden, reason: "只能查看本部门的数据。") }
        guard let loaded = try await YearRepository(database: db).load(code: code, year: year) else {
            throw Abort(.notFound, reason: "没有 \(code) \(year) 年的数据。")
        }
        try await auditRead(code: code, year: year)
        return (user, loaded)
    }

    /// Records that someone outside the department (a reviewer, an auditor) read its year; a department's own
    /// people reading their own data are not recorded.
    func auditRead(code: String, year: Int) async throws {
        guard let user = currentUser, !user.role.isDepartmental, method == .GET else { return }
        try await AuditLog.append(on: db, actor: user.auditActor, action: "year.read", subject: "\(code)/\(year)",
                                  after: url.path)
    }

    /// The year as ``visibleYear()`` gives it, its lines without last year's payments given those stored for the
    /// department's previous year: what the monitoring pages and API forecast from.
    func monitoredYear() async throws -> (CurrentUser, DepartmentYear) {
        let (user, year) = try await visibleYear()
        let profile = try await LastYearProfile(database: db).payments(code: year.department.code, before: year.year)
        return (user, year.fillingLastYear(profile))
    }

    /// The `asOf` query as a date within the year; when absent or outside the year, today in China (the year's last
    /// day for a year that is over).
    func asOf(in year: Int) -> CivilDate {
        (try? query.get(String.self, at: "asOf")).flatMap(CivilDate.init(iso:)).flatMap { $0.year == year ? $0 : nil }
            ?? ChinaCalendar.today(within: year)
    }

    /// The rule set named by the `rules` query (`time-proportional` when absent or unknown), default tolerances.
    func monitoringRules() -> MonitoringRules {
        MonitoringRules(kind: (try? query.get(String.self, at: "rules")).flatMap(MonitoringRules.Kind.init(rawValue:))
            ?? .timeProportional)
    }
}
