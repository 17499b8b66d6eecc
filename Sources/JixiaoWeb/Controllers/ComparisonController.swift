import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 部门比较: every department of a year ranked and filtered, from the evaluation snapshots — a page (the first rows)
/// and a CSV file (all rows). The bureau sees every department, a department's own people their own row.
struct ComparisonController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.comparison, use: show)
        routes.get(.comparisonCSV, use: csv)
        routes.get(.comparisonXLSX, use: xlsx)
        routes.get(.trend, use: trend)
    }

    /// 近三年趋势 of one department (`code`), up to `year` (else its latest): for the bureau and its own people.
    @Sendable func trend(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let code = try? request.query.get(String.self, at: "code") else { throw Abort(.notFound) }
        guard user.maySee(organisation: code) else { throw Abort(.forbidden, reason: "只能查看本部门的数据。") }
        let held = try await YearRepository(database: request.db).heldYears(organisation: code)
        guard let year = (try? request.query.get(Int.self, at: "year")) ?? held.first,
              let trend = try await DepartmentTrend(database: request.readDB).points(code: code, through: year) else {
            throw Abort(.notFound, reason: "没有 \(code) 的数据。")
        }
        try await request.auditRead(code: code, year: year)
        return html(TrendView.render(code: code, name: trend.name, region: trend.region, points: trend.points,
                                     user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let model = try await model(request, user: user)
        return html(ComparisonView.render(model, paging: Paging(request, total: model?.rows.count ?? 0), user: user,
                                          csrf: CSRF.token(for: request)))
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let model = try await model(request, user: user) else { throw Abort(.notFound) }
        var writer = CSVWriter()
        writer.append(Self.header)
        for row in Self.rows(model) { writer.append(row) }
        return try await Download.csv(writer.text, filename: "部门比较\(model.year).csv", on: request)
    }

    @Sendable func xlsx(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let model = try await model(request, user: user) else { throw Abort(.notFound) }
        let data = try TableWorkbook.data(title: "部门比较\(model.year)", header: Self.header, rows: Self.rows(model),
                                          numericColumns: [0, 6, 7, 8, 10, 12, 13])
        return try await Download.response(data, type: Download.xlsx, filename: "部门比较\(model.year).xlsx",
                                           inline: false, on: request)
    }

    /// The download's columns.
    static let header = ["名次", "部门编码", "部门", "行政区划", "归口处室", "单位类型", "全年预算数（元）", "执行率", "自评得分",
                         "等级", "复核得分", "复核等级", "问题数", "无记录支撑分", "审核状态"]

    /// Every department the filters keep, ranked, as the download's cells.
    static func rows(_ model: ComparisonModel) -> [[String]] {
        model.rows.enumerated().map { rank, entry in
            let row = entry.row
            return [String(rank + 1), row.code, row.name, row.attributes.region, row.attributes.group,
                    row.attributes.category, row.adjusted.yuanString,
                    row.rate.map { Rounding(mode: .halfUp, places: 4).format($0) } ?? "",
                    row.total.map(ComparisonView.points) ?? "", row.grade,
                    row.recheck.map(ComparisonView.points) ?? "", row.recheckGrade ?? "", String(row.findings),
                    ComparisonView.points(row.unsupported), entry.review]
        }
    }

    /// The year asked for (else the latest held) with the filters and ranking of the query; nil when no year is held.
    private func model(_ request: Request, user: CurrentUser) async throws -> ComparisonModel? {
        guard let (organisation, held, year) = try await request.departmentsScope(user) else { return nil }
        func text(_ key: String) -> String? {
            (try? request.query.get(String.self, at: key)).flatMap { $0.isEmpty ? nil : $0 }
        }
        let ranking = text("sort").flatMap(ComparisonModel.Ranking.init(rawValue:)) ?? .total
        let query = ComparisonModel.Query(region: text("region"), group: text("group"), category: text("category"),
                                          grade: text("grade"), state: text("state").flatMap(ReviewState.init(rawValue:)),
                                          search: text("q"), ranking: ranking,
                                          ascending: text("order").map { $0 == "asc" } ?? (ranking == .code))
        return ComparisonModel(
            year: year, years: held, query: query,
            rows: try await DepartmentComparison(database: request.readDB).rows(year: year, organisation: organisation),
            rounds: try await ReviewCampaigns(database: request.readDB).rounds(organisationCode: organisation))
    }
}
