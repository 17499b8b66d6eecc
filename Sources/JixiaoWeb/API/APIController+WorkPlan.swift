import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// `GET …/workplan`: every task as a bundle entry with its stored `version`.
    @Sendable func workPlan(_ request: Request) async throws -> Response {
        let (fiscal, year) = try await load(request, change: false)
        let versions = try await WorkPlanRepository(database: request.db).versions(yearID: try fiscal.requireID())
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

    /// Runs a task change and answers with the task as stored; the store's refusals and the reader's issues as
    /// 404, 409 and 422.
    private func taskChange(_ request: Request,
                            _ change: () async throws -> (id: String, status: HTTPResponseStatus)) async throws -> Response {
        do {
            let (id, status) = try await change()
            let (fiscal, year) = try await load(request, change: false)
            guard let task = year.workPlan.first(where: { $0.id == id }) else { return Response(status: status) }
            let version = try await WorkPlanRepository(database: request.db).versions(yearID: try fiscal.requireID())[id]
            return json(.object(["version": .number(String(version ?? 0)), "task": BundleWriter.task(task, unit: year.moneyUnit)]),
                        status: status)
        } catch let refusal as WorkPlanRepository.Refusal {
            switch refusal {
            case .noSuchTask: throw Abort(.notFound)
            case .conflict: throw Abort(.conflict, reason: "这项任务已被他人修改，请重新读取后再保存。")
            case .duplicateID: throw Abort(.unprocessableEntity, reason: "本年度已有这个编号的任务。")
            }
        } catch let error as InputError {
            return issuesJSON(error)
        }
    }

    /// The bundle reader's issues as a 422 answer: path, message and its Chinese wording.
    func issuesJSON(_ error: InputError, reason: String? = nil) -> Response {
        json(.object(["error": .bool(true), "reason": .string(reason ?? "有 \(error.issues.count) 处需要改正"),
                      "issues": .array(error.issues.map { issue in
                          .object(["path": .string(issue.path), "message": .string(issue.message),
                                   "chinese": .string(issue.chinese)])
                      })]), status: .unprocessableEntity)
    }

    private static func body(_ request: Request) throws -> JSONValue {
        guard let data = request.body.data, let value = try? JSONParser.parse(Data(buffer: data)), case .object = value else {
            throw Abort(.badRequest, reason: "请求体应是一个 JSON 对象。")
        }
        return value
    }
}
