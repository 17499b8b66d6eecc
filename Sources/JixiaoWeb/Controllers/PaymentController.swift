import Foundation
import JixiaoCore
import JixiaoStore
import Vapor

/// The payments of a department-year: list, add, change, delete.
struct PaymentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.payments(code: .parameter, year: .parameter), use: list)
        routes.post(.payments(code: .parameter, year: .parameter), use: create)
        routes.get(.payment(code: .parameter, year: .parameter, id: .parameter), use: editForm)
        routes.post(.payment(code: .parameter, year: .parameter, id: .parameter), use: update)
        routes.post(.deletePayment(code: .parameter, year: .parameter, id: .parameter), use: delete)
    }

    private func model(_ context: YearContext, request: Request) async throws -> PaymentsModel {
        let projects = try await ProjectLines.of(yearID: context.yearID, on: request.db)
        let project = (try? request.query.get(String.self, at: "project")).flatMap { code in
            projects.first { $0.code == code }
        }
        let filter = PaymentRepository.Filter(
            line: (try? request.query.get(String.self, at: "line")).flatMap { $0.isEmpty ? nil : $0 },
            lines: project.map { Set($0.lines) },
            month: (try? request.query.get(Int.self, at: "month")).flatMap { (1...12).contains($0) ? $0 : nil })
        let page = max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)
        let result = try await PaymentRepository(database: request.db).page(
            yearID: context.yearID, year: context.fiscal.year, filter: filter, page: page, size: PaymentsModel.pageSize)
        let pages = max(1, (result.matching + PaymentsModel.pageSize - 1) / PaymentsModel.pageSize)
        return PaymentsModel(
            code: context.organisation.code, name: context.organisation.name, year: context.fiscal.year,
            lines: context.lines.map { (code: $0.code, name: $0.name) }, projects: projects, project: project?.code,
            filter: filter,
            rows: result.rows.map {
                PaymentsModel.Row(id: $0.id, line: $0.line, date: $0.date.description, amount: Figures.yuan($0.amount),
                                  payee: $0.payee, voucher: $0.voucher, memo: $0.memo)
            },
            matching: result.matching, total: Figures.yuan(result.total), page: min(page, pages), pages: pages,
            mayChange: context.mayChange)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        let saved = (try? request.query.get(String.self, at: "saved")) != nil ? "已保存。" : nil
        return html(PaymentsView.render(try await model(context, request: request), form: PaymentForm(),
                                        errors: FieldErrors(), message: saved, user: context.user,
                                        csrf: CSRF.token(for: request)))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(PaymentForm.self)
        switch form.validated(lines: context.lines.map(\.code), year: context.fiscal.year) {
        case .failure(let errors):
            let page = PaymentsView.render(try await model(context, request: request), form: form, errors: errors,
                                           message: "有 \(errors.count) 处需要改正，见各项下方的说明。",
                                           user: context.user, csrf: CSRF.token(for: request))
            return html(page, status: .unprocessableEntity)
        case .success(let payment):
            try await PaymentRepository(database: request.db).create(payment, yearID: context.yearID,
                                                                     subject: context.subject,
                                                                     actor: context.user.auditActor)
            return request.redirect(to: SiteURL.payments(code: context.organisation.code, year: context.fiscal.year)
                .path + "?saved=1")
        }
    }

    @Sendable func editForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (id, stored) = try await payment(request, context)
        return html(PaymentsView.edit(try await model(context, request: request), id: id,
                                      form: PaymentForm(stored.value, version: stored.version),
                                      errors: FieldErrors(), message: nil, user: context.user,
                                      csrf: CSRF.token(for: request)))
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let (id, _) = try await payment(request, context)
        let form = try request.content.decode(PaymentForm.self)
        let listModel = try await model(context, request: request)
        switch form.validated(lines: context.lines.map(\.code), year: context.fiscal.year) {
        case .failure(let errors):
            return html(PaymentsView.edit(listModel, id: id, form: form, errors: errors,
                                          message: "有 \(errors.count) 处需要改正。", user: context.user,
                                          csrf: CSRF.token(for: request)), status: .unprocessableEntity)
        case .success(let payment):
            do {
                try await PaymentRepository(database: request.db).update(
                    id, yearID: context.yearID, version: form.version ?? 0, to: payment, subject: context.subject,
                    actor: context.user.auditActor)
            } catch is PaymentRepository.Conflict {
                return try await conflict(request, context, id: id, model: listModel)
            }
            return request.redirect(to: SiteURL.payments(code: context.organisation.code, year: context.fiscal.year)
                .path + "?saved=1")
        }
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let (id, _) = try await payment(request, context)
        let version = (try? request.content.get(Int.self, at: "version")) ?? 0
        do {
            try await PaymentRepository(database: request.db).delete(id, yearID: context.yearID, version: version,
                                                                     subject: context.subject,
                                                                     actor: context.user.auditActor)
        } catch is PaymentRepository.Conflict {
            return try await conflict(request, context, id: id, model: try await model(context, request: request))
        }
        return request.redirect(to: SiteURL.payments(code: context.organisation.code, year: context.fiscal.year)
            .path + "?saved=1")
    }

    /// Someone else changed or removed the payment since the form was opened: show what is stored now.
    private func conflict(_ request: Request, _ context: YearContext, id: UUID, model: PaymentsModel) async throws
        -> Response {
        guard let current = try await PaymentRepository(database: request.db).find(id, yearID: context.yearID) else {
            throw Abort(.conflict, reason: "这笔支付已被他人删除。")
        }
        let page = PaymentsView.edit(model, id: id,
                                     form: PaymentForm(current.value, version: current.version),
                                     errors: FieldErrors(),
                                     message: "这笔支付在您打开表单后已被他人修改，下面是最新内容；请核对后再保存。",
                                     user: context.user, csrf: CSRF.token(for: request))
        return html(page, status: .conflict)
    }

    private func payment(_ request: Request, _ context: YearContext) async throws -> (UUID, Stored<Payment>) {
        guard let id = request.parameters.get("id", as: UUID.self),
              let stored = try await PaymentRepository(database: request.db).find(id, yearID: context.yearID) else {
            throw Abort(.notFound, reason: "没有这笔支付。")
        }
        return (id, stored)
    }
}
