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
        year.get("lines", use: lines)
        year.post("lines", use: createLine)
        year.put("lines", ":id", use: updateLine)
        year.delete("lines", ":id", use: deleteLine)
        year.put("lines", ":id", "plan", use: updatePlan)
        year.get("narrative", use: narrative)
        // Room for every section at its longest, as on the page.
        year.on(.PUT, "narrative",
                body: .collect(maxSize: ByteCount(value: TextLimits.formBytes(fields: NarrativeSection.allCases.count))),
                use: updateNarrative)
        year.get("monitoring", use: monitoring)
        year.get("workplan", use: workPlan)
        year.post("workplan", use: createTask)
        year.put("workplan", ":id", use: updateTask)
        year.delete("workplan", ":id", use: deleteTask)
        year.post("indicators", ":id", "progress", use: reportProgress)
        year.get("indicators", use: indicators)
        year.post("indicators", use: createIndicator)
        year.put("indicators", ":id", use: updateIndicator)
        year.delete("indicators", ":id", use: deleteIndicator)
        year.post("indicators", ":id", "move", use: moveIndicator)
        year.get("activities", use: activities)
        year.post("activities", use: changeActivities)
        year.get("procurements", use: procurements)
        year.post("procurements", use: changeProcurements)
        year.get("assets", use: assets)
        year.put("assets", use: updateAssets)
        year.get("basics", use: basics)
        year.on(.PUT, "basics", body: .collect(maxSize: ByteCount(value: TextLimits.formBytes(fields: 3))), use: updateBasics)
        year.get("projects", use: projects)
        year.on(.POST, "projects", body: .collect(maxSize: "1mb"), use: changeProjects)
        year.get("evidence", use: evidence)
        year.on(.POST, "evidence", body: .collect(maxSize: ByteCount(value: EvidenceKind.maximumBytes + 64 * 1024)),
                use: addEvidence)
        year.get("evidence", ":id", use: evidenceFile)
        year.delete("evidence", ":id", use: deleteEvidence)
        year.get("review", use: review)
        year.post("review", use: reviewStep)
        year.get("targets", use: targets)
        year.post("targets", use: requestAdjustment)
        year.post("targets", ":number", use: adjustmentStep)
        year.get("recheck", use: recheck)
        year.put("recheck", ":item", use: rescore)
        api.get("comparison", use: comparison)
        api.on(.POST, "what-if", body: .collect(maxSize: "64kb"), use: whatIf)
        api.get("review", "spot-checks", use: spotChecks)
        api.post("review", "spot-checks", use: drawSpotCheck)
        api.on(.POST, "import", body: .collect(maxSize: ImportController.maximumSize), use: importBundle)
    }

    // MARK: budget lines

    @Sendable func lines(_ request: Request) async throws -> Response {
        let context = try await context(request, change: false)
        return json(.array(context.lines.map { lineJSON($0) }))
    }

    @Sendable func createLine(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        switch try request.content.decode(LineForm.self).validated() {
        case .failure(let errors): return errorsJSON(errors)
        case .success(let line):
            let repository = BudgetLineRepository(database: request.db)
            try await lineRefusals {
                try await repository.create(line, yearID: context.yearID, subject: context.subject,
                                            actor: context.user.auditActor)
            }
            let stored = try await repository.lines(of: context.fiscal).first { $0.code == line.code }
            return json(stored.map { lineJSON($0) } ?? .null, status: .created)
        }
    }

    @Sendable func updateLine(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let repository = BudgetLineRepository(database: request.db)
        guard let id = request.parameters.get("id", as: UUID.self),
              try await repository.find(id, in: context.fiscal) != nil else { throw Abort(.notFound) }
        let form = try request.content.decode(LineForm.self)
        switch form.validated() {
        case .failure(let errors): return errorsJSON(errors)
        case .success(let line):
            try await lineRefusals {
                try await repository.update(id, yearID: context.yearID, version: form.version ?? 0, to: line,
                                            subject: context.subject, actor: context.user.auditActor)
            }
            return json(try await repository.find(id, in: context.fiscal).map { lineJSON($0) } ?? .null)
        }
    }

    @Sendable func deleteLine(_ request: Request) async throws -> HTTPStatus {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let repository = BudgetLineRepository(database: request.db)
        guard let id = request.parameters.get("id", as: UUID.self),
              try await repository.find(id, in: context.fiscal) != nil else { throw Abort(.notFound) }
        try await lineRefusals {
            try await repository.delete(id, yearID: context.yearID,
                                        version: (try? request.query.get(Int.self, at: "version")) ?? 0,
                                        subject: context.subject, actor: context.user.auditActor)
        }
        return .noContent
    }

    /// A line change the store refused, as the API's status and reason.
    func lineRefusals(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let refusal as BudgetLineRepository.Refusal {
            switch refusal {
            case .conflict: throw Abort(.conflict, reason: "这个预算项目已被他人修改，请重新读取后再保存。")
            case .duplicateCode(let code): throw Abort(.unprocessableEntity, reason: "本年度已有编码为“\(code)”的预算项目。")
            case .inUse(let payments):
                throw Abort(.conflict, reason: "这个预算项目下有 \(payments) 笔支付，不能删除或更改编码。")
            }
        }
    }

    func lineJSON(_ stored: Stored<BudgetLine>) -> JSONValue {
        let line = stored.value
        return .object([
            "id": .string(stored.id.uuidString), "code": .string(line.code), "name": .string(line.name),
            "kind": .string(line.kind.rawValue), "source": line.source.map { .string($0.rawValue) } ?? .null,
            "initial": .string(line.initial.yuanString), "adjusted": .string(line.adjusted.yuanString),
            "executed": line.declaredExecuted.map { .string($0.yuanString) } ?? .null,
            "version": .number(String(stored.version)),
        ])
    }

    // MARK: narrative

    @Sendable func narrative(_ request: Request) async throws -> Response {
        let (fiscal, year) = try await load(request, change: false)
        return json(.object(["version": .number(String(fiscal.version)), "sections": .object(
            NarrativeSection.allCases.map { JSONValue.Member($0.rawValue, .string(year.narrative[$0] ?? "")) })]))
    }

    @Sendable func updateNarrative(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        var sections: [NarrativeSection: String] = [:]
        for section in NarrativeSection.allCases {
            sections[section] = (try? request.content.get(String.self, at: "sections", section.rawValue)) ?? ""
        }
        var errors = FieldErrors()
        for (section, text) in sections where text.count > TextLimits.maximumCharacters {
            errors["sections.\(section.rawValue)"] = "共 \(text.count) 字，最多 \(TextLimits.maximumCharacters) 字；未保存"
        }
        guard errors.isEmpty else { return errorsJSON(errors) }
        do {
            try await YearRepository(database: request.db).updateNarrative(
                sections, fiscal: context.fiscal, version: (try? request.content.get(Int.self, at: "version")) ?? 0,
                subject: context.subject, actor: context.user.auditActor)
        } catch is YearRepository.Stale {
            throw Abort(.conflict, reason: "报告文字已被他人修改，请重新读取后再保存。")
        }
        return try await narrative(request)
    }

    // MARK: import

    /// `POST /api/v1/import[?replace=true]` with a bundle as the body.
    @Sendable func importBundle(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard user.role.isDepartmental else { throw Abort(.forbidden, reason: "您的角色不能导入数据。") }
        try CSRF.verify(request)
        let body = Data(request.body.data?.readableBytesView ?? ByteBuffer().readableBytesView)
        let year: DepartmentYear
        do { year = try BundleReader().decode(body, file: "body") } catch let error as InputError {
            return issuesJSON(error, reason: "数据包有 \(error.issues.count) 处问题")
        }
        guard user.mayChange(organisation: year.department.code) else { throw Abort(.forbidden) }
        do {
            try await YearRepository(database: request.db).store(
                year, replacing: (try? request.query.get(Bool.self, at: "replace")) ?? false, actor: user.auditActor)
        } catch is YearRepository.YearExists {
            throw Abort(.conflict, reason: "\(year.department.code) 的 \(year.year) 年数据已存在；覆盖请加 ?replace=true。")
        }
        return json(.object(["code": .string(year.department.code), "year": .number(String(year.year))]),
                    status: .created)
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
        let entries = try await YearRepository(database: request.db).listed(organisation: user.ownOrganisation)
            .filter { user.maySee(organisation: $0.code) }
            .map { listed -> JSONValue in
                .object(["code": .string(listed.code), "name": .string(listed.name),
                         "year": .number(String(listed.year)), "version": .number(String(listed.version))])
            }
        return json(.array(entries))
    }

    @Sendable func evaluation(_ request: Request) async throws -> Response {
        let year = try await load(request, change: false).1
        let evaluation = Evaluator.evaluate(year)
        return json(EvaluationJSON.encode(year, evaluation, findings: FindingsEngine.findings(year, evaluation: evaluation)))
    }

    /// The whole year as a bundle: an export, audited as the page downloads are.
    @Sendable func bundle(_ request: Request) async throws -> Response {
        let year = try await load(request, change: false, payments: .each).1
        try await AuditLog.append(on: request.db, actor: request.auditActor, action: "export", subject: request.url.path,
                                  after: "\(year.department.code)-\(year.year).json")
        return json(BundleWriter.encode(year))
    }

    @Sendable func payments(_ request: Request) async throws -> Response {
        let fiscal = try await context(request, change: false).fiscal
        let filter = PaymentRepository.Filter(
            line: try? request.query.get(String.self, at: "line"),
            month: (try? request.query.get(Int.self, at: "month")).flatMap { (1...12).contains($0) ? $0 : nil })
        // As the repository takes them, so the answer says what it holds.
        let page = min(max(1, (try? request.query.get(Int.self, at: "page")) ?? 1), PaymentRepository.maximumPage)
        let size = min(max(1, (try? request.query.get(Int.self, at: "size")) ?? 100), PaymentRepository.maximumSize)
        let result = try await PaymentRepository(database: request.db).page(yearID: fiscal.id, year: fiscal.year,
                                                                            filter: filter, page: page, size: size)
        return json(.object([
            "matching": .number(String(result.matching)), "total": .string(result.total.yuanString),
            "page": .number(String(page)), "size": .number(String(size)),
            "payments": .array(result.rows.map(paymentJSON)),
        ]))
    }

    @Sendable func createPayment(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        let (fiscal, lines) = (context.fiscal, context.lines.map(\.code))
        try CSRF.verify(request)
        let form = try request.content.decode(PaymentForm.self)
        switch form.validated(lines: lines, year: fiscal.year) {
        case .failure(let errors): return errorsJSON(errors)
        case .success(let payment):
            let user = try request.requireUser()
            let id = try await PaymentRepository(database: request.db).create(
                payment, yearID: fiscal.id, subject: subject(request), actor: user.auditActor)
            let stored = try await PaymentRepository(database: request.db).find(id, yearID: fiscal.id)
            return json(stored.map(paymentJSON) ?? .null, status: .created)
        }
    }

    @Sendable func updatePayment(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        let (fiscal, lines) = (context.fiscal, context.lines.map(\.code))
        try CSRF.verify(request)
        guard let id = request.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let form = try request.content.decode(PaymentForm.self)
        switch form.validated(lines: lines, year: fiscal.year) {
        case .failure(let errors): return errorsJSON(errors)
        case .success(let payment):
            let repository = PaymentRepository(database: request.db)
            guard try await repository.find(id, yearID: fiscal.id) != nil else { throw Abort(.notFound) }
            do {
                try await repository.update(id, yearID: fiscal.id, version: form.version ?? 0, to: payment,
                                            subject: subject(request), actor: try request.requireUser().auditActor)
            } catch is PaymentRepository.Conflict {
                throw Abort(.conflict, reason: "这笔支付已被他人修改，请重新读取后再保存。")
            }
            return json(try await repository.find(id, yearID: fiscal.id).map(paymentJSON) ?? .null)
        }
    }

    @Sendable func deletePayment(_ request: Request) async throws -> HTTPStatus {
        let fiscal = try await context(request, change: true).fiscal
        try CSRF.verify(request)
        guard let id = request.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let repository = PaymentRepository(database: request.db)
        guard try await repository.find(id, yearID: fiscal.id) != nil else { throw Abort(.notFound) }
        do {
            try await repository.delete(id, yearID: fiscal.id, version: (try? request.query.get(Int.self, at: "version")) ?? 0,
                                        subject: subject(request), actor: try request.requireUser().auditActor)
        } catch is PaymentRepository.Conflict {
            throw Abort(.conflict, reason: "这笔支付已被他人修改，请重新读取后再删除。")
        }
        return .noContent
    }

    // MARK: helpers

    private func subject(_ request: Request) -> String {
        "\(request.parameters.get("code") ?? "")/\(request.parameters.get("year") ?? "")"
    }

    /// The year, after the same checks as the pages; its payments as days' totals unless an export asks for each.
    func load(_ request: Request, change: Bool,
              payments: YearRepository.PaymentDetail = .dailyTotals) async throws -> (StoredYear, DepartmentYear) {
        let context = try await context(request, change: change)
        guard let year = try await YearRepository(database: request.db)
            .load(code: context.organisation.code, year: context.fiscal.year, payments: payments) else {
            throw Abort(.notFound)
        }
        return (context.fiscal, year)
    }

    /// The year after the pages' checks, answering 403/404 without a page.
    func context(_ request: Request, change: Bool) async throws -> YearContext {
        do { return try await YearContext.resolve(request, change: change) } catch let abort as Abort {
            throw Abort(abort.status)
        }
    }

    private func paymentJSON(_ stored: Stored<Payment>) -> JSONValue {
        let payment = stored.value
        return .object([
            "id": .string(stored.id.uuidString), "line": .string(payment.line), "date": .string(payment.date.description),
            "amount": .string(payment.amount.yuanString), "payee": .string(payment.payee),
            "voucher": .string(payment.voucher), "memo": .string(payment.memo),
            "version": .number(String(stored.version)),
        ])
    }

    func errorsJSON(_ errors: FieldErrors) -> Response {
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
    @Sendable static func serve(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: WebResources.openAPI))
        response.headers.contentType = .json
        return response
    }
}
