import Foundation
import JixiaoCore
import JixiaoIO
import Vapor

extension APIController {
    /// `GET /api/v1/years/{code}/{year}/review`: both rounds (state, grade, return reason, the steps the caller may
    /// take) and the history.
    @Sendable func review(_ request: Request) async throws -> Response {
        json(try await ReviewContext.resolve(request).model(message: nil).json)
    }

    /// `POST /api/v1/years/{code}/{year}/review` with `{"round", "action", "reason", "grade"}`: one step; 409 with
    /// the reason (and `faults`) when the state does not allow it, 403 for a role that takes no part.
    @Sendable func reviewStep(_ request: Request) async throws -> Response {
        let context = try await ReviewContext.resolve(request)
        try CSRF.verify(request)
        do {
            _ = try await context.step(try request.content.decode(ReviewController.Form.self))
        } catch let refusal as JixiaoCore.ReviewRefusal {
            return refusalJSON(refusal)
        }
        return json(try await context.model(message: nil).json)
    }
}
