import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// `GET …/workplan`: every task as a bundle entry with its stored `version`.
    @Sendable func workPlan(_ request: Request) async throws -> Response {
        let (fiscal, year) = try await load(request, change: false)
        let versions = try await WorkPlanRepository(database: request.db).versions(yearID: fiscal.id)
        return json(.array(year.workPlan.map { task in
            .object(["version": .number(String(versions[task.id] ?? 0)), "task": BundleWriter.task(task, unit: year.moneyUnit)])
        }))
    }

    /// `POST …/workplan` with a bundle `workPlan` entry: 201, or 422 with the reader's issues.
    @Sendable func createTask(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let task = try Self.body(request)
        return try await taskChange(request) {
            try await WorkPlanRepository(database: request.db).add(task, organisation: context.organisation,
                                                                   fiscal: context.fiscal, actor: context.user.auditActor)
            return (task["id"]?.string ?? "", .created)
        }
    }

    /// `PUT …/workplan/{id}` with `{ "version": n, "task": { … } }`; planned payments are kept when the task has none.
    @Sendable func updateTask(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        let body = try Self.body(request)
        guard let task = body["task"], case .object = task else {
            throw Abort(.badRequest, reason: "请求体应是 {\"version\": 版本号, \"task\": {任务}}。")
        }
        return try await taskChange(request) {
            try await WorkPlanRepository(database: request.db).update(
                task.setting("id", to: .string(id)), id: id, version: body["version"]?.literal.flatMap { Int($0) } ?? 0,
                organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
            return (id, .ok)
        }
    }

    /// `DELETE …/workplan/{id}?version=n`.
    @Sendable func deleteTask(_ request: Request) async throws -> HTTPStatus {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        _ = try await taskChange(request) {
            try await WorkPlanRepository(database: request.db).delete(
                id: request.parameters.get("id") ?? "", version: (try? request.query.get(Int.self, at: "version")) ?? 0,
                organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
            return ("", .noContent)
        }
        return .noContent
    }

    /// Runs a task change and answers with the task as stored.
    private func taskChange(_ request: Request,
                            _ change: () async throws -> (id: String, status: HTTPResponseStatus)) async throws -> Response {
        try await recordChange(request, member: "task", change: change) { year, id in
            year.workPlan.first { $0.id == id }.map { BundleWriter.task($0, unit: year.moneyUnit) }
        } versions: { yearID in
            try await WorkPlanRepository(database: request.db).versions(yearID: yearID)
        } refusal: { error in
            switch error as? WorkPlanRepository.Refusal {
            case .noSuchTask?: Abort(.notFound)
            case .conflict?: Abort(.conflict, reason: "这项任务已被他人修改，请重新读取后再保存。")
            case .duplicateID?: Abort(.unprocessableEntity, reason: "本年度已有这个编号的任务。")
            case nil: nil
            }
        }
    }
}
