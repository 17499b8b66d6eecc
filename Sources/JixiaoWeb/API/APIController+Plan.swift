import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// `PUT …/lines/{id}/plan` with `{ "version": n, "plan": [ { "month": 3, "amount": "255600.00" } ] }` (yuan):
    /// replaces the line's monthly plan; 422 with a message per month, 409 when the line changed since `version`.
    @Sendable func updatePlan(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        guard let id = request.parameters.get("id", as: UUID.self), context.lines.contains(where: { $0.id == id }) else {
            throw Abort(.notFound)
        }
        guard let body = request.body.data, let value = try? JSONParser.parse(Data(buffer: body)),
              case .array(let entries)? = value["plan"] else {
            throw Abort(.badRequest, reason: "请求体应是 {\"version\": 版本号, \"plan\": [{\"month\": 月份, \"amount\": \"金额（元）\"}]}。")
        }
        var form = PlanForm(plan: [], version: nil)
        var errors = FieldErrors()
        for (index, entry) in entries.enumerated() {
            guard let month = entry["month"]?.literal.flatMap({ Int($0) }), (1...12).contains(month) else {
                errors["plan[\(index)].month"] = "月份应是 1 到 12 之间的整数"
                continue
            }
            if form.months[month] != nil { errors["plan[\(index)].month"] = "\(month) 月重复填写" }
            form.months[month] = entry["amount"]?.literal ?? ""
        }
        switch form.validated() {
        case .failure(let invalid):
            for (key, message) in invalid.all { errors[key] = message }
        case .success(let plan) where errors.isEmpty:
            let version = value["version"]?.literal.flatMap { Int($0) } ?? 0
            try await lineRefusals {
                try await BudgetLineRepository(database: request.db).updatePlan(
                    id, fiscal: context.fiscal, version: version, plan: plan, subject: context.subject,
                    actor: context.user.auditActor)
            }
            guard let stored = try await BudgetLineRepository(database: request.db).find(id, in: context.fiscal)
            else { throw Abort(.notFound) }
            return json(lineJSON(stored).setting("plan", to: .array(plan.map {
                .object(["month": .number(String($0.month)), "amount": .string($0.amount.yuanString)])
            })))
        case .success:
            break
        }
        return errorsJSON(errors)
    }
}
