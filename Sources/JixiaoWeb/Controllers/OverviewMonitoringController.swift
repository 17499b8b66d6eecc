import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 运行监控总览: every department of a year on one date — or every project of every department (`view=projects`) —
/// the ones furthest behind first: the finance bureau's view of 双监控, as a page (the first rows) and as a CSV file
/// (all rows). A department's own people see their own rows.
struct OverviewMonitoringController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.monitoringOverview, use: show)
        routes.get(.monitoringOverviewCSV, use: csv)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let model = try await model(request, user: user)
        return html(MonitoringOverviewView.render(model, paging: Paging(request, total: model?.rows.count ?? 0), user: user,
                                                  csrf: CSRF.token(for: request)))
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let model = try await model(request, user: user) else { throw Abort(.notFound) }
        var writer = CSVWriter()
        let projectColumns = model.byProject ? ["项目编码", "项目", "实施单位"] : []
        writer.append(["部门编码", "部门"] + projectColumns
                      + ["全年预算数（元）", "截至当日支付（元）", "执行率", "序时进度", "落后序时进度（百分点）",
                         "截至当日应支付（元）", "应支付口径", "任务数", "逾期任务数", "审核状态"])
        for entry in model.rows {
            let row = entry.row
            let project = model.byProject ? [row.project?.code ?? "", row.project?.name ?? "", row.project?.owner ?? ""] : []
            writer.append([row.code, row.name] + project + [row.adjusted.yuanString, row.executed.yuanString,
                           row.rate.map { Rounding(mode: .halfUp, places: 4).format($0) } ?? "",
                           Rounding(mode: .halfUp, places: 4).format(model.timeProgress),
                           entry.lag.map { Rounding(mode: .halfUp, places: 2).format($0 * 100) } ?? "",
                           entry.due.yuanString, entry.dueBasis,
                           model.byProject ? "" : String(row.tasks), model.byProject ? "" : String(row.overdueTasks),
                           model.review[row.code] ?? ""])
        }
        return try await Download.csv(
            writer.text, filename: "运行监控总览\(model.byProject ? "（项目）" : "")\(model.year)（截至\(model.asOf)）.csv",
            on: request)
    }

    /// The year asked for (else the latest held), the date (else today within the year) and the rows the person
    /// may see; nil when no year is held.
    private func model(_ request: Request, user: CurrentUser) async throws -> MonitoringOverviewModel? {
        guard let (organisation, held, year) = try await request.departmentsScope(user) else { return nil }
        let asOf = try request.asOf(in: year)
        let byProject = (try? request.query.get(String.self, at: "view")) == "projects"
        let overview = MonitoringOverview(database: request.readDB)
        let rows = byProject ? try await overview.projectRows(year: year, asOf: asOf, organisation: organisation)
            : try await overview.rows(year: year, asOf: asOf, organisation: organisation)
        let rounds = try await ReviewCampaigns(database: request.readDB).rounds(organisationCode: organisation)
        return MonitoringOverviewModel(year: year, years: held, asOf: asOf, byProject: byProject, rows: rows,
                                       tolerance: MonitoringRules().tolerance, rounds: rounds)
    }
}
