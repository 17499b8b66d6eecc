import JixiaoCore
import JixiaoReport
import Vapor

/// The in-year pages: monitoring on a date (with the monitoring table as a download) and the work plan.
struct MonitoringController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.monitoring(code: .parameter, year: .parameter), use: monitoring)
        routes.get(.monitoringTable(code: .parameter, year: .parameter, format: .parameter), use: table)
        routes.get(.workPlan(code: .parameter, year: .parameter), use: workPlan)
    }

    @Sendable func monitoring(_ request: Request) async throws -> Response {
        let (user, year) = try await request.monitoredYear()
        let rules = request.monitoringRules()
        let report = Monitor.report(year, asOf: try request.asOf(in: year.year), rules: rules)
        return html(MonitoringView.render(year, report: report,
                                          projects: ProjectMonitoring.all(year, asOf: report.asOf, rules: rules),
                                          rules: rules.kind, user: user, csrf: CSRF.token(for: request)))
    }

    /// `table.html|md|docx|xlsx|pdf`: the monitoring table (绩效运行监控表) on the `asOf` date.
    @Sendable func table(_ request: Request) async throws -> Response {
        let (_, year) = try await request.monitoredYear()
        let file = request.parameters.get("file") ?? ""
        guard file.hasPrefix("table.") else { throw Abort(.notFound) }
        let rules = request.monitoringRules()
        let report = Monitor.report(year, asOf: try request.asOf(in: year.year), rules: rules)
        let projects = ProjectMonitoring.all(year, asOf: report.asOf, rules: rules)
        return try await Download.document({ MonitoringTable.build(year, report: report, projects: projects) },
                                           format: String(file.dropFirst("table.".count)),
                                           name: "\(year.department.name)绩效运行监控表（截至\(report.asOf)）",
                                           on: request)
    }

    @Sendable func workPlan(_ request: Request) async throws -> Response {
        let (user, year) = try await request.visibleYear()
        let progress = WorkPlanProgress.on(year, asOf: try request.asOf(in: year.year))
        return html(WorkPlanView.render(year, progress: progress, user: user, csrf: CSRF.token(for: request)))
    }
}
