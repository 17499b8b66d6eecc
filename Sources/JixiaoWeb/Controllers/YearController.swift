import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport
import JixiaoStore
import Vapor

/// The department-year pages and downloads.
struct YearController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.home, use: home)
        routes.get(.year(code: .parameter, year: .parameter), use: overview)
        routes.get(.evaluation(code: .parameter, year: .parameter), use: evaluation)
        routes.get(.indicators(code: .parameter, year: .parameter), use: indicators)
        routes.get(.report(code: .parameter, year: .parameter, format: .parameter), use: report)
    }

    /// The to-do and the department-years a person may open, a hundred a page (the queue's filters kept in the
    /// page links).
    @Sendable func home(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let round = (try? request.query.get(String.self, at: "round")).flatMap(ReviewRound.init(rawValue:))
        let state = (try? request.query.get(String.self, at: "state")).flatMap(ReviewState.init(rawValue:))
        let grade = (try? request.query.get(String.self, at: "grade")).flatMap { TodoModel.grades.contains($0) ? $0 : nil }
        let overdueOnly = (try? request.query.get(String.self, at: "overdue")) == "1"
        let model = try await HomeModel.load(
            for: user, repository: YearRepository(database: request.db), today: ChinaClock.today(),
            round: round, state: state, grade: grade, overdueOnly: overdueOnly)
        let filters: [(String, String?)] = [("round", round?.rawValue), ("state", state?.rawValue), ("grade", grade),
                                            ("overdue", overdueOnly ? "1" : nil)]
        return html(HomeView.render(model, paging: Paging(request, total: model.entries.count), filters: filters,
                                    user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let (user, year, assessment, revision) = try await request.assessedYear()
        let inputs = OverviewModel.Inputs(
            revision: revision, asOf: try request.asOf(in: year.year), lastYear: try await request.lastYearProfile(of: year),
            textGeneration: try await PassageFingerprints(database: request.db).generation(year: year.year),
            namingOthers: !user.role.isDepartmental)
        let model = try await OverviewModel.kept(year, assessment: assessment, inputs: inputs) {
            try await request.sharedTextFindings(of: year, for: user)
        }.withRectifications(Rectifications(database: request.db))
        return html(OverviewView.render(model, user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func evaluation(_ request: Request) async throws -> Response {
        let (user, year, assessment, _) = try await request.assessedYear()
        let entries = try await StoredReport.evidence(of: year, on: request.db)
        return html(EvaluationView.render(EvaluationModel(year, evaluation: assessment.evaluation, evidence: entries),
                                          user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func indicators(_ request: Request) async throws -> Response {
        let (user, year, assessment, _) = try await request.assessedYear()
        let project = (try? request.query.get(String.self, at: "project")).flatMap { $0.isEmpty ? nil : $0 }
        if let project, !year.projects.contains(where: { $0.code == project }) {
            throw Abort(.notFound, reason: "本年度没有编码为“\(project)”的项目。")
        }
        return html(IndicatorsView.render(IndicatorsModel(year, assessment: assessment, projectCode: project), user: user,
                                          csrf: CSRF.token(for: request)))
    }

    /// `report.html|md|docx|xlsx|pdf`, the bundle as `report.json`, the bundle with its evidence as `bundle.zip`, and
    /// the fill-in workbook as `workbook.xlsx`.
    @Sendable func report(_ request: Request) async throws -> Response {
        let file = request.parameters.get("file") ?? ""
        let exportsPayments = ["bundle.zip", "workbook.xlsx", "report.json"].contains(file)
        let (_, year) = try await request.visibleYear(payments: exportsPayments ? .each : .dailyTotals)
        if file == "bundle.zip" {
            var evidence: [BundleArchive.File] = []
            if let organisation = try await YearRepository(database: request.db).organisation(code: year.department.code) {
                evidence = try await EvidenceRepository(database: request.db)
                    .files(organisationID: organisation.id, year: year.year)
            }
            return try await Download.response(try BundleArchive.write(year, evidence: evidence), type: Download.zip,
                                               filename: "\(year.department.code)-\(year.year)-数据包及佐证材料.zip",
                                               inline: false, on: request)
        }
        if file == "workbook.xlsx" {
            return try await Download.response(try WorkbookExport.workbook(year), type: Download.xlsx,
                                               filename: "\(year.department.name)\(year.year)年度绩效数据填报表.xlsx",
                                               inline: false, on: request)
        }
        guard file.hasPrefix("report.") else { throw Abort(.notFound) }
        let format = String(file.dropFirst("report.".count))
        if format == "json" {
            return try await Download.response(Data((BundleWriter.encode(year).serialized() + "\n").utf8), type: .json,
                                               filename: "\(year.department.code)-\(year.year).json", inline: false,
                                               on: request)
        }
        let annexes = try await StoredReport.Annexes.load(of: year, on: request.db)
        return try await Download.document({
            StoredReport.build(year, evaluation: Evaluator.evaluate(year), annexes: annexes, linked: true)
        }, format: format, name: "\(year.department.name)\(year.year)年绩效自评报告", on: request)
    }
}
