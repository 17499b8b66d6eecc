import JixiaoCore
import JixiaoStore
import Vapor

/// 运行监控总览: every department of a year on one date, the ones furthest behind first — the finance bureau's view
/// of 双监控. A department's own people see their own row.
struct OverviewMonitoringController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("monitoring", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let years = try await YearRepository(database: request.db).allYears().filter { user.maySee(organisation: $0.0.code) }
        let held = Array(Set(years.map(\.1.year))).sorted(by: >)
        let year = (try? request.query.get(Int.self, at: "year")).flatMap { held.contains($0) ? $0 : nil } ?? held.first
        guard let year else {
            return html(MonitoringOverviewView.render(nil, user: user, csrf: CSRF.token(for: request)))
        }
        let asOf = (try? request.query.get(String.self, at: "asOf")).flatMap(CivilDate.init(iso:))
            .flatMap { $0.year == year ? $0 : nil } ?? ChinaCalendar.today(within: year)
        let rows = try await MonitoringOverview(database: request.db).rows(
            year: year, asOf: asOf, organisations: user.role.isDepartmental ? [user.organisationCode ?? ""] : nil)
        let model = MonitoringOverviewModel(year: year, years: held, asOf: asOf, rows: rows,
                                            tolerance: MonitoringRules().tolerance)
        return html(MonitoringOverviewView.render(model, user: user, csrf: CSRF.token(for: request)))
    }
}
