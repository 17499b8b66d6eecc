import Foundation
import JixiaoCore
import JixiaoReport
import Vapor

/// 项目 on the pages: a project's page, and its 项目支出绩效自评表 as Word, PDF, Excel or a web page — or every
/// project's table in one workbook (`all`).
struct ProjectController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.project(code: .parameter, year: .parameter, project: .parameter), use: show)
        routes.get(.projectTable(code: .parameter, year: .parameter, project: .parameter, format: .parameter),
                   use: table)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let (user, year) = try await request.visibleYear()
        let project = try Self.project(request, in: year)
        let evidence = try await StoredReport.evidence(of: year, on: request.db)
        return html(ProjectView.render(ProjectModel(year, project: project, evidence: evidence,
                                                    asOf: try request.asOf(in: year.year)), user: user,
                                       csrf: CSRF.token(for: request)))
    }

    /// `table.docx|pdf|xlsx|html|md` of one project, or `table.xlsx` of `all`.
    @Sendable func table(_ request: Request) async throws -> Response {
        let (_, year) = try await request.visibleYear()
        let file = request.parameters.get("file") ?? ""
        guard file.hasPrefix("table.") else { throw Abort(.notFound) }
        let format = String(file.dropFirst("table.".count))
        if request.parameters.get("project") == "all", format == "xlsx" {
            guard !year.projects.isEmpty else { throw Abort(.notFound, reason: "本年度没有项目。") }
            let workbook = try ProjectTable.workbook(year)
            return try await Download.response(workbook.data, type: Download.xlsx, filename: workbook.title + ".xlsx",
                                               inline: false, on: request)
        }
        let project = try Self.project(request, in: year)
        return try await Download.document({ ProjectTable.document(year, project: project) }, format: format,
                                           name: "\(project.name)\(year.year)年度项目支出绩效自评表", on: request)
    }

    private static func project(_ request: Request, in year: DepartmentYear) throws -> Project {
        let code = request.parameters.get("project") ?? ""
        guard let project = year.projects.first(where: { $0.code == code }) else {
            throw Abort(.notFound, reason: "本年度没有编码为“\(code)”的项目。")
        }
        return project
    }
}
