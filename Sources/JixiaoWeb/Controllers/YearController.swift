import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport
import JixiaoStore
import Vapor

/// The department-year pages and downloads.
struct YearController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("years", ":code", ":year", use: overview)
        routes.get("years", ":code", ":year", "evaluation", use: evaluation)
        routes.get("years", ":code", ":year", "indicators", use: indicators)
        routes.get("years", ":code", ":year", "activities", use: activities)
        routes.get("years", ":code", ":year", "procurements", use: procurements)
        routes.get("years", ":code", ":year", "assets", use: assets)
        routes.get("years", ":code", ":year", ":file", use: report)
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let model = try await HomeModel.load(for: user, repository: YearRepository(database: request.db))
        return html(HomeView.render(model, user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let (user, year) = try await load(request)
        let asOf = (try? request.query.get(String.self, at: "asOf")).flatMap(CivilDate.init(iso:))
        return html(OverviewView.render(OverviewModel(year, asOf: asOf), user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func evaluation(_ request: Request) async throws -> Response {
        let (user, year) = try await load(request)
        return html(EvaluationView.render(EvaluationModel(year), user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func indicators(_ request: Request) async throws -> Response {
        let (user, year) = try await load(request)
        return html(IndicatorsView.render(IndicatorsModel(year), user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func activities(_ request: Request) async throws -> Response {
        let (user, year) = try await load(request)
        return html(RecordsView.activities(year, user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func procurements(_ request: Request) async throws -> Response {
        let (user, year) = try await load(request)
        return html(RecordsView.procurements(year, user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func assets(_ request: Request) async throws -> Response {
        let (user, year) = try await load(request)
        return html(RecordsView.assets(year, user: user, csrf: CSRF.token(for: request)))
    }

    /// `report.html|md|docx|xlsx|pdf` and the bundle as `report.json`.
    @Sendable func report(_ request: Request) async throws -> Response {
        let (_, year) = try await load(request)
        let file = request.parameters.get("file") ?? ""
        guard file.hasPrefix("report.") else { throw Abort(.notFound) }
        let format = String(file.dropFirst("report.".count))
        let name = "\(year.department.name)\(year.year)年绩效自评报告"
        let body: Data
        let type: HTTPMediaType
        let document = {
            let evaluation = Evaluator.evaluate(year)
            return ReportBuilder.build(year, evaluation: evaluation,
                                       findings: FindingsEngine.findings(year, evaluation: evaluation))
        }
        switch format {
        case "html": (body, type) = (Data(HTMLRenderer.render(document()).utf8), .html)
        case "md": (body, type) = (Data(MarkdownRenderer.render(document()).utf8), .plainText)
        case "docx":
            (body, type) = (try DocxRenderer.render(document()),
                            HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document"))
        case "xlsx":
            (body, type) = (try XlsxRenderer.render(document()),
                            HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        case "pdf":
            let docx = try DocxRenderer.render(document())
            do {
                body = try await request.application.threadPool.runIfActive {
                    try LibreOfficeConverter().convert(docx, fileExtension: "docx")
                }
            } catch let error as LibreOfficeConverter.ConversionError {
                throw Abort(.serviceUnavailable, reason: "暂时无法生成 PDF：\(error)")
            }
            type = .pdf
        case "json": (body, type) = (Data((BundleWriter.encode(year).serialized() + "\n").utf8), .json)
        default: throw Abort(.notFound)
        }
        let response = Response(status: .ok, body: .init(data: body))
        response.headers.contentType = type
        let filename = format == "json" ? "\(year.department.code)-\(year.year).json" : "\(name).\(format)"
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "report"
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "\(format == "html" ? "inline" : "attachment"); filename*=UTF-8''\(encoded)")
        return response
    }

    /// The year named by the path, after checking the user may see it: 404 when there is none, 403 when it is
    /// another department's.
    private func load(_ request: Request) async throws -> (CurrentUser, DepartmentYear) {
        let user = try request.requireUser()
        guard let code = request.parameters.get("code"), let year = request.parameters.get("year", as: Int.self) else {
            throw Abort(.notFound)
        }
        guard user.maySee(organisation: code) else { throw Abort(.forbidden, reason: "只能查看本部门的数据。") }
        guard let loaded = try await YearRepository(database: request.db).load(code: code, year: year) else {
            throw Abort(.notFound, reason: "没有 \(code) \(year) 年的数据。")
        }
        return (user, loaded)
    }
}
