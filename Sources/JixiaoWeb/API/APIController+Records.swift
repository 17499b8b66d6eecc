import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// Runs a change of a record kept as a bundle entry (a work-plan task, an indicator) and answers with the record
    /// as stored, `{"version": n, MEMBER: entry}`; the store's refusals as `refusal` maps them (404, 409, 422), the
    /// bundle reader's issues as 422.
    func recordChange(_ request: Request, member: String,
                      change: () async throws -> (id: String, status: HTTPResponseStatus),
                      stored: (DepartmentYear, String) -> JSONValue?,
                      versions: (UUID) async throws -> [String: Int],
                      refusal: (any Error) -> (any Error)?) async throws -> Response {
        do {
            let (id, status) = try await change()
            let (fiscal, year) = try await load(request, change: false)
            guard let entry = stored(year, id) else { return Response(status: status) }
            let version = try await versions(fiscal.id)[id]
            return json(.object([.init("version", .number(String(version ?? 0))), .init(member, entry)]), status: status)
        } catch let error as InputError {
            return issuesJSON(error)
        } catch {
            throw refusal(error) ?? error
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

    /// The request's body as a JSON object; 400 otherwise.
    static func body(_ request: Request) throws -> JSONValue {
        guard let data = request.body.data, let value = try? JSONParser.parse(Data(buffer: data)), case .object = value else {
            throw Abort(.badRequest, reason: "请求体应是一个 JSON 对象。")
        }
        return value
    }
}
