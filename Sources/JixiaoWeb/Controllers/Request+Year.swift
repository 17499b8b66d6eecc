import JixiaoCore
import JixiaoStore
import Vapor

extension Request {
    /// The department-year the path names (`:code/:year`), after checking the user may see it: 404 when there is
    /// none, 403 when it is another department's. Pages read its payments as days' totals, a year read once per
    /// revision (``YearRepository/loadKept(code:year:)``); exports ask for each payment.
    func visibleYear(payments: YearRepository.PaymentDetail = .dailyTotals) async throws -> (CurrentUser, DepartmentYear) {
        try await visible { years, code, year in
            payments == .dailyTotals ? try await years.loadKept(code: code, year: year)
                : try await years.load(code: code, year: year, payments: payments)
        }
    }

    /// The year as ``visibleYear(payments:)`` gives it, with its assessment (worked out once per revision) and the
    /// revision they are of.
    func assessedYear() async throws -> (CurrentUser, DepartmentYear, Assessment, YearRepository.Revision) {
        let (user, (year, assessment, revision)) = try await visible { years, code, year in
            try await years.loadAssessed(code: code, year: year)
        }
        return (user, year, assessment, revision)
    }

    /// What `read` gives of the year the path names, once the user may see it; the read of someone outside the
    /// department audited.
    private func visible<Value>(_ read: (YearRepository, String, Int) async throws -> Value?) async throws
        -> (CurrentUser, Value) {
        let user = try requireUser()
        guard let code = parameters.get("code"), let year = parameters.get("year", as: Int.self) else {
            throw Abort(.notFound)
        }
        guard user.maySee(organisation: code) else { throw Abort(.forbidden, reason: "只能查看本部门的数据。") }
        guard let loaded = try await read(YearRepository(database: db), code, year) else {
            throw Abort(.notFound, reason: "没有 \(code) \(year) 年的数据。")
        }
        try await auditRead(code: code, year: year)
        return (user, loaded)
    }

    /// The scope of a page over many departments (运行监控总览, 部门比较): the years the person may see — every
    /// department for the bureau, their own for a department's people — and the year asked for (else the latest),
    /// nil when none is held. Administrators see no department (三员分立); the bureau's read is audited.
    /// The database the bureau's read-only lists read: the streaming replica when one is configured (it may trail
    /// the store by a moment; a person's own changes are read back from the store), else the store.
    var readDB: StoreDatabase {
        application.databases.ids().contains(.replica) ? db(.replica) : db
    }

    func departmentsScope(_ user: CurrentUser) async throws -> (organisation: String?, years: [Int], year: Int)? {
        guard !user.role.isAdministrator else { throw Abort(.forbidden, reason: "管理员不查看部门数据（三员分立）。") }
        if !user.role.isDepartmental {
            try await AuditLog.append(on: db, actor: user.auditActor, action: "overview.read", subject: url.string)
        }
        let organisation = user.ownOrganisation
        let held = try await YearRepository(database: db).heldYears(organisation: organisation)
        guard let year = (try? query.get(Int.self, at: "year")).flatMap({ held.contains($0) ? $0 : nil })
            ?? held.first else { return nil }
        return (organisation, held, year)
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
        return (user, try await fillingLastYear(year))
    }

    /// `year` with last year's payments by month given to its lines that have none (what forecasts read).
    func fillingLastYear(_ year: DepartmentYear) async throws -> DepartmentYear {
        year.fillingLastYear(try await lastYearProfile(of: year))
    }

    /// The department's payments of the year before `year`, by line and month (what a forecast falls back on).
    func lastYearProfile(of year: DepartmentYear) async throws -> [String: [MonthlyAmount]] {
        try await LastYearProfile(database: db).payments(code: year.department.code, before: year.year)
    }

    /// The `asOf` query as a date within the year; when absent, today in China (the year's last day for a year that
    /// is over). A value that is no date, or a date outside the year, is a 422 saying so — never silently another
    /// date.
    func asOf(in year: Int) throws -> CivilDate {
        guard let text = try? query.get(String.self, at: "asOf"), !text.isEmpty else {
            return ChinaCalendar.today(within: year)
        }
        guard let date = CivilDate(iso: text) else {
            throw Abort(.unprocessableEntity, reason: "监控日期 asOf“\(text)”不是有效日期，应为 YYYY-MM-DD，如 \(year)-06-30。")
        }
        guard date.year == year else {
            throw Abort(.unprocessableEntity, reason: "监控日期 \(text) 不在 \(year) 年度内。")
        }
        return date
    }

    /// The rule set named by the `rules` query (`time-proportional` when absent or unknown), default tolerances.
    func monitoringRules() -> MonitoringRules {
        MonitoringRules(kind: (try? query.get(String.self, at: "rules")).flatMap(MonitoringRules.Kind.init(rawValue:))
            ?? .timeProportional)
    }
}
