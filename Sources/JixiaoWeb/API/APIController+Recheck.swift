import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// `GET /api/v1/review/spot-checks?year=Y`: how many departments may be drawn and every one drawn (bureau).
    @Sendable func spotChecks(_ request: Request) async throws -> Response {
        _ = try request.requireBureau(acting: false, for: "自评复核")
        let year = try await RecheckController.year(request.query[Int.self, at: "year"], on: request.db)
        let rechecks = Rechecks(database: request.db)
        return json(.object([
            "year": .number(String(year)),
            "candidates": .number(String(try await rechecks.candidates(year: year).count)),
            "drawn": .array(try await rechecks.drawn(year: year).map(memberJSON)),
        ]))
    }

    /// `POST /api/v1/review/spot-checks` with `{"year", "count", "method": "random|risk", "seed", "measure"}`:
    /// draws and records; 201 with the departments drawn, 409 when none may be drawn.
    @Sendable func drawSpotCheck(_ request: Request) async throws -> Response {
        let user = try request.requireBureau(acting: true, for: "自评复核")
        try CSRF.verify(request)
        let body = try request.content.decode(RecheckController.DrawForm.self)
        guard let year = body.year, (2000...2100).contains(year) else {
            throw Abort(.unprocessableEntity, reason: "year 须为 2000–2100 之间的年度。")
        }
        let method = try SpotCheckRequest.method(body.method, seed: body.seed, measure: body.measure)
        guard let count = body.count, (1...1000).contains(count) else {
            throw Abort(.unprocessableEntity, reason: "count 须在 1–1000 之间。")
        }
        let members = try await Rechecks(database: request.db).draw(year: year, count: count, method: method,
                                                                    actor: user.auditActor)
        return json(.object(["drawn": .array(members.map(memberJSON))]), status: .created)
    }

    /// `GET /api/v1/years/{code}/{year}/recheck`: the re-check of a department-year, item by item.
    @Sendable func recheck(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        return json(try await RecheckPage.load(context, on: request).json)
    }

    /// `PUT /api/v1/years/{code}/{year}/recheck/{item}` with `{"score", "reason"}` (bureau): stores a re-score;
    /// 422 naming each wrong field, 409 when the department is not drawn or its self-evaluation not held.
    @Sendable func rescore(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        guard context.user.role == .reviewer else { throw Abort(.forbidden, reason: "复核评分只由财政局审核人进行。") }
        try CSRF.verify(request)
        let body = try request.content.decode(RecheckController.RescoreForm.self)
        do {
            _ = try await RecheckPage.rescore(item: request.parameters.get("item") ?? "", score: body.score ?? "",
                                              reason: body.reason ?? "", file: nil, context, on: request)
        } catch let invalid as Recheck.Invalid {
            var errors = FieldErrors()
            for fault in invalid.faults { errors[fault.field] = fault.message }
            return errorsJSON(errors)
        }
        return json(try await RecheckPage.load(context, on: request).json)
    }

    private func memberJSON(_ member: Rechecks.Member) -> JSONValue {
        .object(["code": .string(member.code), "name": .string(member.name), "year": .number(String(member.year)),
                 "position": .number(String(member.position)), "method": .string(member.method),
                 "risk": .string(member.risk), "drawnBy": .string(member.drawnBy),
                 "drawnAt": .string(ISO8601DateFormatter().string(from: member.drawnAt))])
    }
}

extension Rechecks.Refusal: AbortError {
    /// A draw with nothing to draw, a re-score of a department not drawn or not held: 409 with the reason.
    public var status: HTTPResponseStatus { .conflict }
    public var reason: String { message }
}
