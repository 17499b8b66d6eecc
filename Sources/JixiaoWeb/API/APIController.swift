import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// The JSON API under `/api/v1`: the same operations and the same authorisation as the pages, documented at
/// `/api/v1/openapi.json`. Changes need the session's CSRF token in `X-CSRF-Token` (from `GET /api/v1/session`).
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("session", use: session)
        api.get("years", use: years)
        let year = api.grouped("years", ":code", ":year")
        year.get("evaluation", use: evaluation)
        year.get("bundle", use: bundle)
        year.get("payments", use: payments)
        year.post("payments", use: createPayment)
        year.put("payments", ":id", use: updatePayment)
        year.delete("payments", ":id", use: deletePayment)
    }

    @Sendable func session(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        return json(.object(["username": .string(user.username), "displayName": .string(user.displayName),
                             "role": .string(user.role.rawValue),
                             "organisation": user.organisationCode.map(JSONValue.string) ?? .null,
                             "csrfToken": .string(CSRF.token(for: request))]))
    }

    @Sendable func years(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let entries = try await YearRepository(database: request.db).allYears()
            .filter { user.maySee(organisation: $0.0.code) }
            .map { organisation, fiscal -> JSONValue in
                .object(["code": .string(organisation.code), "name": .string(organisation.name),
                         "year": .number(String(fiscal.year)), "version": .number(String(fiscal.version))])
            }
        return json(.array(entries))
    }

    @Sendable func evaluation(_ request: Request) async throws -> Response {
        let year = try await load(request, change: false).1
        let evaluation = Evaluator.evaluate(year)
        return json(EvaluationJSON.encode(year, evaluation, findings: FindingsEngine.findings(year, evaluation: evaluation)))
    }

    @Sendable func bundle(_ request: Request) async throws -> Response {
        json(BundleWriter.encode(try await load(request, change: false).1))
    }

    @Sendable func payments(_ request: Request) async throws -> Response {
        let (fiscal, _) = try await rows(request, change: false)
        let filter = PaymentRepository.Filter(
            line: try? request.query.get(String.self, at: "line"),
            month: (try? request.query.get(Int.self, at: "month")).flatMap { (1...12).contains($0) ? $0 : nil })
        let page = max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)
        let size = min(500, max(1, (try? request.query.get(Int.self, at: "size")) ?? 100))
        let result = try await PaymentRepository(database: request.db).page(yearID: fiscal.id!, year: fiscal.year,
                                                                            filter: filter, page: page, size: size)
        return json(.object([
            "matching": .number(String(result.matching)), "total": .string(result.total.yuanString),
            "page": .number(String(page)), "size": .number(String(size)),
            "payments": .array(result.rows.map(paymentJSON)),
        ]))
    }

    @Sendable func createPayment(_ request: Request) async throws -> Response {
        let (fiscal, lines) = try await rows(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(PaymentForm.self)
        switch form.validated(lines: lines, year: fiscal.year) {
        case .failure(let errors): return errorsJSON(errors)
        case .success(let payment):
            let user = try request.requireUser()
            let id = try await PaymentRepository(database: request.db).create(
                payment, yearID: fiscal.id!, subject: subject(request), actor: user.username)
            let stored = try await PaymentRepository(database: request.db).find(id, yearID: fiscal.id!)
            return json(stored.map(paymentJSON) ?? .null, status: .created)
        }
    }

    @Sendable func updatePayment(_ request: Request) async throws -> Response {
        let (fiscal, lines) = try await rows(request, change: true)
        try CSRF.verify(request)
        guard let id = request.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let form = try request.content.decode(PaymentForm.self)
        switch form.validated(lines: lines, year: fiscal.year) {
        case .failure(let errors): return errorsJSON(errors)
        case .success(let payment):
            let repository = PaymentRepository(database: request.db)
            guard try await repository.find(id, yearID: fiscal.id!) != nil else { throw Abort(.notFound) }
            do {
                try await repository.update(id, yearID: fiscal.id!, version: form.version ?? 0, to: payment,
                                            subject: subject(request), actor: try request.requireUser().username)
            } catch is PaymentRepository.Conflict {
                throw Abort(.conflict, reason: "这笔支付已被他人修改，请重新读取后再保存。")
            }
            return json(try await repository.find(id, yearID: fiscal.id!).map(paymentJSON) ?? .null)
        }
    }

    @Sendable func deletePayment(_ request: Request) async throws -> HTTPStatus {
        let (fiscal, _) = try await rows(request, change: true)
        try CSRF.verify(request)
        guard let id = request.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let repository = PaymentRepository(database: request.db)
        guard try await repository.find(id, yearID: fiscal.id!) != nil else { throw Abort(.notFound) }
        do {
            try await repository.delete(id, yearID: fiscal.id!, version: (try? request.query.get(Int.self, at: "version")) ?? 0,
                                        subject: subject(request), actor: try request.requireUser().username)
        } catch is PaymentRepository.Conflict {
            throw Abort(.conflict, reason: "这笔支付已被他人修改，请重新读取后再删除。")
        }
        return .noContent
    }

    // MARK: helpers

    private func subject(_ request: Request) -> String {
        "\(request.parameters.get("code") ?? "")/\(request.parameters.get("year") ?? "")"
    }

    /// The year, after the same checks as the pages.
    private func load(_ request: Request, change: Bool) async throws -> (FiscalYearModel, DepartmentYear) {
        let (fiscal, _) = try await rows(request, change: change)
        guard let year = try await YearRepository(database: request.db)
            .load(code: request.parameters.get("code") ?? "", year: fiscal.year) else { throw Abort(.notFound) }
        return (fiscal, year)
    }

    private func rows(_ request: Request, change: Bool) async throws -> (FiscalYearModel, [String]) {
        let user = try request.requireUser()
        guard let code = request.parameters.get("code"), let year = request.parameters.get("year", as: Int.self) else {
            throw Abort(.notFound)
        }
        guard user.maySee(organisation: code), !change || user.mayChange(organisation: code) else {
            throw Abort(.forbidden)
        }
        let years = YearRepository(database: request.db)
        guard let organisation = try await years.organisation(code: code),
              let fiscal = try await years.fiscalYear(organisationID: organisation.id!, year: year) else {
            throw Abort(.notFound)
        }
        let lines = try await BudgetLineModel.query(on: request.db).filter(\.$fiscalYear.$id == fiscal.id!).all()
            .map(\.code)
        return (fiscal, lines)
    }

    private func paymentJSON(_ model: PaymentModel) -> JSONValue {
        .object(["id": .string(model.id?.uuidString ?? ""), "line": .string(model.lineCode), "date": .string(model.date),
                 "amount": .string(Money(fen: model.amountFen).yuanString), "payee": .string(model.payee),
                 "voucher": .string(model.voucher), "memo": .string(model.memo),
                 "version": .number(String(model.version))])
    }

    private func errorsJSON(_ errors: FieldErrors) -> Response {
        json(.object(["error": .bool(true), "reason": .string("有 \(errors.count) 处需要改正"),
                      "fields": .object(errors.all.map { JSONValue.Member($0.key, .string($0.value)) })]),
             status: .unprocessableEntity)
    }
}

/// A JSON response written with Jixiao's own writer (exact decimals, stable key order).
func json(_ value: JSONValue, status: HTTPResponseStatus = .ok) -> Response {
    let response = Response(status: status, body: .init(string: value.serialized() + "\n"))
    response.headers.contentType = .json
    return response
}

/// `GET /api/v1/openapi.json`: the API's OpenAPI document.
enum OpenAPIDocument {
    static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }

    @Sendable static func serve(_ request: Request) async throws -> Response {
        guard let data else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}
