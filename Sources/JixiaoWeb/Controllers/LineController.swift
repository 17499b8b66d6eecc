import Foundation
import JixiaoCore
import JixiaoStore
import Vapor

/// The budget lines of a department-year: list, add, change, delete.
struct LineController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.lines(code: .parameter, year: .parameter), use: list)
        routes.post(.lines(code: .parameter, year: .parameter), use: create)
        routes.get(.line(code: .parameter, year: .parameter, id: .parameter), use: editForm)
        routes.post(.line(code: .parameter, year: .parameter, id: .parameter), use: update)
        routes.post(.lineDelete(code: .parameter, year: .parameter, id: .parameter), use: delete)
    }

    private func page(_ context: YearContext, form: LineForm, errors: FieldErrors, message: String?,
                      request: Request, status: HTTPResponseStatus = .ok) -> Response {
        let rows = context.lines.map {
            LinesView.Row(id: $0.id, line: $0.value)
        }
        return html(LinesView.render(code: context.organisation.code, name: context.organisation.name,
                                     year: context.fiscal.year, rows: rows, mayChange: context.mayChange, form: form,
                                     errors: errors, message: message, user: context.user,
                                     csrf: CSRF.token(for: request)), status: status)
    }

    private func editPage(_ context: YearContext, id: UUID, form: LineForm, errors: FieldErrors, message: String?,
                          request: Request, status: HTTPResponseStatus = .ok) -> Response {
        html(LinesView.edit(code: context.organisation.code, name: context.organisation.name, year: context.fiscal.year,
                            id: id, form: form, errors: errors, message: message, user: context.user,
                            csrf: CSRF.token(for: request)), status: status)
    }

    private func backToList(_ context: YearContext, _ request: Request) -> Response {
        request.redirect(to: SiteURL.lines(code: context.organisation.code, year: context.fiscal.year).path)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let saved = (try? request.query.get(String.self, at: "saved")) == "plan" ? "月度支付计划已保存。" : nil
        return page(try await YearContext.resolve(request, change: false), form: LineForm(), errors: FieldErrors(),
                    message: saved, request: request)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(LineForm.self)
        switch form.validated() {
        case .failure(let errors):
            return page(context, form: form, errors: errors, message: "有 \(errors.count) 处需要改正。", request: request,
                        status: .unprocessableEntity)
        case .success(let line):
            do {
                try await BudgetLineRepository(database: request.db).create(
                    line, yearID: context.yearID, subject: context.subject,
                    actor: context.user.auditActor)
            } catch BudgetLineRepository.Refusal.duplicateCode(let code) {
                var errors = FieldErrors()
                errors["code"] = "本年度已有编码为“\(code)”的预算项目"
                return page(context, form: form, errors: errors, message: "有 1 处需要改正。", request: request,
                            status: .unprocessableEntity)
            }
            return backToList(context, request)
        }
    }

    @Sendable func editForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (id, stored) = try await line(request, context)
        return editPage(context, id: id, form: LineForm(stored.value,
                                                        version: stored.version),
                        errors: FieldErrors(), message: nil, request: request)
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let (id, _) = try await line(request, context)
        let form = try request.content.decode(LineForm.self)
        switch form.validated() {
        case .failure(let errors):
            return editPage(context, id: id, form: form, errors: errors, message: "有 \(errors.count) 处需要改正。",
                            request: request, status: .unprocessableEntity)
        case .success(let line):
            do {
                try await BudgetLineRepository(database: request.db).update(
                    id, yearID: context.yearID, version: form.version ?? 0, to: line,
                    subject: context.subject, actor: context.user.auditActor)
            } catch let refusal as BudgetLineRepository.Refusal {
                return try await refused(refusal, context, id: id, form: form, request: request)
            }
            return backToList(context, request)
        }
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let (id, stored) = try await line(request, context)
        let version = (try? request.content.get(Int.self, at: "version")) ?? 0
        do {
            try await BudgetLineRepository(database: request.db).delete(
                id, yearID: context.yearID, version: version, subject: context.subject,
                actor: context.user.auditActor)
        } catch let refusal as BudgetLineRepository.Refusal {
            return try await refused(refusal, context, id: id,
                                     form: LineForm(stored.value,
                                                    version: stored.version), request: request)
        }
        return backToList(context, request)
    }

    /// A refused change, explained on the edit form with what is stored now.
    private func refused(_ refusal: BudgetLineRepository.Refusal, _ context: YearContext, id: UUID, form: LineForm,
                         request: Request) async throws -> Response {
        var errors = FieldErrors()
        switch refusal {
        case .duplicateCode(let code):
            errors["code"] = "本年度已有编码为“\(code)”的预算项目"
            return editPage(context, id: id, form: form, errors: errors, message: "有 1 处需要改正。", request: request,
                            status: .unprocessableEntity)
        case .inUse(let payments):
            return editPage(context, id: id, form: form, errors: errors,
                            message: "这个预算项目下有 \(payments) 笔支付，不能删除或更改编码；请先调整这些支付。",
                            request: request, status: .conflict)
        case .conflict:
            guard let current = try await BudgetLineRepository(database: request.db).find(id, in: context.fiscal)
            else { throw Abort(.conflict, reason: "这个预算项目已被他人删除。") }
            return editPage(context, id: id, form: LineForm(current.value,
                                                            version: current.version),
                            errors: errors, message: "这个预算项目在您打开表单后已被他人修改，下面是最新内容；请核对后再保存。",
                            request: request, status: .conflict)
        }
    }

    private func line(_ request: Request, _ context: YearContext) async throws -> (UUID, Stored<BudgetLine>) {
        guard let id = request.parameters.get("id", as: UUID.self),
              let stored = try await BudgetLineRepository(database: request.db).find(id, in: context.fiscal) else {
            throw Abort(.notFound, reason: "没有这个预算项目。")
        }
        return (id, stored)
    }
}
