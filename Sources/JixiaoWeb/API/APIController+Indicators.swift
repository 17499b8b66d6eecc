import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// `GET …/indicators`: every indicator as a bundle entry with its stored `version`, in the tree's order.
    @Sendable func indicators(_ request: Request) async throws -> Response {
        let (fiscal, year) = try await load(request, change: false)
        let versions = try await IndicatorRepository(database: request.db).versions(yearID: fiscal.id)
        return json(.array(year.indicators.map { indicator in
            .object(["version": .number(String(versions[indicator.id] ?? 0)),
                     "indicator": BundleWriter.indicator(indicator)])
        }))
    }

    /// `POST …/indicators` with a bundle `indicators` entry: 201, or 422 with the reader's issues.
    @Sendable func createIndicator(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let indicator = try Self.body(request)
        return try await indicatorChange(request) {
            try await IndicatorRepository(database: request.db).add(
                indicator, organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
            return (indicator["id"]?.string ?? "", .created)
        }
    }

    /// `PUT …/indicators/{id}` with `{ "version": n, "indicator": { … } }`: the members given replace the stored
    /// ones (an empty `actual` removes it), the rest stay.
    @Sendable func updateIndicator(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        let body = try Self.body(request)
        guard let indicator = body["indicator"], case .object = indicator else {
            throw Abort(.badRequest, reason: "请求体应是 {\"version\": 版本号, \"indicator\": {指标}}。")
        }
        return try await indicatorChange(request) {
            try await IndicatorRepository(database: request.db).update(
                indicator.setting("id", to: .string(id)), id: id,
                version: body["version"]?.literal.flatMap { Int($0) } ?? 0, organisation: context.organisation,
                fiscal: context.fiscal, actor: context.user.auditActor)
            return (id, .ok)
        }
    }

    /// `DELETE …/indicators/{id}?version=n`.
    @Sendable func deleteIndicator(_ request: Request) async throws -> HTTPStatus {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        _ = try await indicatorChange(request) {
            try await IndicatorRepository(database: request.db).delete(
                id: request.parameters.get("id") ?? "", version: (try? request.query.get(Int.self, at: "version")) ?? 0,
                organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
            return ("", .noContent)
        }
        return .noContent
    }

    /// `POST …/indicators/{id}/move` with `{"offset": -1 | 1}`: one place up or down.
    @Sendable func moveIndicator(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        guard let offset = try Self.body(request)["offset"]?.literal.flatMap({ Int($0) }), offset == -1 || offset == 1
        else { throw Abort(.unprocessableEntity, reason: "offset 须为 -1（上移）或 1（下移）。") }
        return try await indicatorChange(request) {
            try await IndicatorRepository(database: request.db).move(
                id: id, offset: offset, organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor)
            return (id, .ok)
        }
    }

    /// Runs an indicator change and answers with the indicator as stored.
    private func indicatorChange(_ request: Request,
                                 _ change: () async throws -> (id: String, status: HTTPResponseStatus)) async throws
        -> Response {
        try await recordChange(request, member: "indicator", change: change) { year, id in
            year.indicators.first { $0.id == id }.map(BundleWriter.indicator)
        } versions: { yearID in
            try await IndicatorRepository(database: request.db).versions(yearID: yearID)
        } refusal: { error in
            switch error as? IndicatorRepository.Refusal {
            case .noSuchIndicator?: Abort(.notFound)
            case .conflict?: Abort(.conflict, reason: "这项指标已被他人修改，请重新读取后再保存。")
            case .duplicateID?: Abort(.unprocessableEntity, reason: "本年度已有这个编号的指标。")
            case .cannotMove?: Abort(.conflict, reason: "这项指标已在最前或最后，不能再移动。")
            case nil: nil
            }
        }
    }
}
