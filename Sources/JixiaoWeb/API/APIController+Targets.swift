import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// `GET /api/v1/years/{code}/{year}/targets`: the requests to change approved targets and every target's
    /// history.
    @Sendable func targets(_ request: Request) async throws -> Response {
        json(try await TargetsContext.resolve(request).model().json)
    }

    /// `POST /api/v1/years/{code}/{year}/targets` with `{"indicator", "target", "unit", "direction", "weight",
    /// "reason"}` (absent fields keep the current value): the preparer's request; 201, 409 when it may not be made
    /// now, 422 naming each wrong field or the bundle reader's faults.
    @Sendable func requestAdjustment(_ request: Request) async throws -> Response {
        let context = try await TargetsContext.resolve(request)
        try CSRF.verify(request)
        do {
            _ = try await context.request(try request.content.decode(TargetsController.RequestForm.self))
        } catch let errors as FieldErrors {
            return errorsJSON(errors)
        } catch let refusal as JixiaoCore.ReviewRefusal {
            return refusalJSON(refusal)
        } catch let error as InputError {
            return issuesJSON(error, reason: "调整后的目标未通过检查")
        }
        return json(try await context.model().json, status: .created)
    }

    /// `POST /api/v1/years/{code}/{year}/targets/{number}` with `{"action": "approve|return|withdraw", "reason"}`.
    @Sendable func adjustmentStep(_ request: Request) async throws -> Response {
        let context = try await TargetsContext.resolve(request)
        try CSRF.verify(request)
        do {
            _ = try await context.step(try request.content.decode(TargetsController.StepForm.self),
                                       number: request.parameters.get("number", as: Int.self) ?? 0)
        } catch let refusal as JixiaoCore.ReviewRefusal {
            return refusalJSON(refusal)
        }
        return json(try await context.model().json)
    }

    /// A refused step as the API answers it: 409 with the reason and the faults.
    func refusalJSON(_ refusal: JixiaoCore.ReviewRefusal) -> Response {
        json(.object(["error": .bool(true), "reason": .string(refusal.message),
                      "faults": .array(refusal.faults.map(JSONValue.string))]), status: .conflict)
    }
}
