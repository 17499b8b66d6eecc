import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// `GET …/monitoring?asOf=YYYY-MM-DD&rules=time-proportional|sichuan-2025`: as `jixiao monitor --json`.
    @Sendable func monitoring(_ request: Request) async throws -> Response {
        _ = try await context(request, change: false)
        let year = try await request.monitoredYear().1
        return json(MonitoringJSON.encode(year, Monitor.report(year, asOf: try request.asOf(in: year.year),
                                                               rules: request.monitoringRules())))
    }

    /// `POST …/indicators/{id}/progress` with a bundle `progress` entry as the body; 422 with the reader's issues
    /// (path, message, chinese) when it is refused, else the indicator's progress as stored.
    @Sendable func reportProgress(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        guard let body = request.body.data, let entry = try? JSONParser.parse(Data(buffer: body)),
              case .object = entry else {
            throw Abort(.badRequest, reason: "请求体应是一个 JSON 对象（asOf、actual、projected、likelihood、cause、remedy）。")
        }
        do {
            try await IndicatorProgressRepository(database: request.db).report(
                entry, indicator: id, organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor)
        } catch IndicatorProgressRepository.Refusal.noSuchIndicator {
            throw Abort(.notFound)
        } catch let error as InputError {
            return issuesJSON(error)
        }
        let year = try await load(request, change: false).1
        let progress = year.indicators.first { $0.id == id }.flatMap { BundleWriter.indicator($0)["progress"] }
        return json(.object(["id": .string(id), "progress": progress ?? .array([])]))
    }
}
