import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// The indicator tree on the pages: add an indicator, change one (the target check's findings shown beside its
/// target), move it up or down, remove it. Every change is checked with the whole year by the bundle reader,
/// version-guarded, audited, and held by the review rounds like any change of targets or results.
struct IndicatorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.indicatorNew(code: .parameter, year: .parameter), use: newForm)
        routes.post(.indicatorNew(code: .parameter, year: .parameter), use: create)
        routes.get(.indicatorEdit(code: .parameter, year: .parameter, id: .parameter), use: editForm)
        routes.post(.indicatorEdit(code: .parameter, year: .parameter, id: .parameter), use: update)
        routes.post(.indicatorAction(code: .parameter, year: .parameter, id: .parameter, action: "delete"), use: delete)
        routes.post(.indicatorAction(code: .parameter, year: .parameter, id: .parameter, action: "move"), use: move)
    }

    @Sendable func newForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (_, year) = try await request.visibleYear()
        var form = IndicatorForm()
        form.id = "i\(year.indicators.count + 1)"
        form.level1 = year.template.levels.first?.name
        return page(context, year, form: form, existing: nil, errors: FieldErrors(), request: request)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(IndicatorForm.self)
        return try await save(request, context, form: form, existing: nil) { entry, checkOnly in
            try await IndicatorRepository(database: request.db).add(
                entry, organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor,
                checkOnly: checkOnly)
        }
    }

    @Sendable func editForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (_, year) = try await request.visibleYear()
        let indicator = try self.indicator(request, year)
        let version = try await IndicatorRepository(database: request.db).versions(yearID: context.yearID)[indicator.id]
        return page(context, year, form: IndicatorForm(indicator, version: version), existing: indicator.id,
                    errors: FieldErrors(), request: request)
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        let form = try request.content.decode(IndicatorForm.self)
        return try await save(request, context, form: form, existing: id) { entry, checkOnly in
            try await IndicatorRepository(database: request.db).update(
                entry, id: id, version: form.version ?? 0, organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor, checkOnly: checkOnly)
        }
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        try await refusals(id) {
            try await IndicatorRepository(database: request.db).delete(
                id: id, version: (try? request.content.get(Int.self, at: "version")) ?? 0,
                organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
        }
        return request.redirect(to: SiteURL.indicators(code: context.organisation.code, year: context.fiscal.year).path)
    }

    @Sendable func move(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        let offset = (try? request.content.get(Int.self, at: "offset")) ?? 0
        try await refusals(id) {
            try await IndicatorRepository(database: request.db).move(
                id: id, offset: offset.signum(), organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor)
        }
        return request.redirect(to: SiteURL.indicators(code: context.organisation.code, year: context.fiscal.year).path
            + "#indicator-\(id)")
    }

    /// Checks the form and the year with the indicator in it, stores it when both are right and answers with the
    /// indicator tree — or the form again with every fault at once.
    private func save(_ request: Request, _ context: YearContext, form: IndicatorForm, existing: String?,
                      store: (JSONValue, _ checkOnly: Bool) async throws -> Void) async throws -> Response {
        let (entry, formErrors) = form.entry(id: existing)
        var errors = formErrors
        do {
            try await store(entry, !formErrors.isEmpty)
            if formErrors.isEmpty {
                let url = SiteURL.indicators(code: context.organisation.code, year: context.fiscal.year).path
                return request.redirect(to: url + "#indicator-\(entry["id"]?.string ?? "")")
            }
        } catch let error as InputError {
            errors = FieldErrors.reader(error, adding: formErrors, fallback: "name")
        } catch IndicatorRepository.Refusal.duplicateID {
            errors["id"] = "本年度已有编号为“\(form.id ?? "")”的指标"
        } catch IndicatorRepository.Refusal.conflict {
            let fresh = try await request.visibleYear().1
            let indicator = try self.indicator(request, fresh)
            let version = try await IndicatorRepository(database: request.db).versions(yearID: context.yearID)[indicator.id]
            return page(context, fresh, form: IndicatorForm(indicator, version: version), existing: indicator.id,
                        errors: FieldErrors(), message: "这项指标在您打开页面后已被他人修改，下面是最新内容；请重新填写后保存。",
                        request: request, status: .conflict)
        } catch IndicatorRepository.Refusal.noSuchIndicator {
            throw Abort(.notFound, reason: "没有编号为 \(existing ?? "") 的指标。")
        }
        return page(context, try await request.visibleYear().1, form: form, existing: existing, errors: errors,
                    message: "有 \(errors.count) 处需要改正。", request: request, status: .unprocessableEntity)
    }

    /// The repository's refusals as pages: 404, 409, 422.
    private func refusals(_ id: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch IndicatorRepository.Refusal.noSuchIndicator {
            throw Abort(.notFound, reason: "没有编号为 \(id) 的指标。")
        } catch IndicatorRepository.Refusal.conflict {
            throw Abort(.conflict, reason: "这项指标在您打开页面后已被他人修改，请返回重新打开。")
        } catch IndicatorRepository.Refusal.cannotMove {
            throw Abort(.conflict, reason: "这项指标已在最前或最后，不能再移动。")
        } catch let error as InputError {
            throw Abort(.unprocessableEntity, reason: error.chineseDescription)
        }
    }

    private func indicator(_ request: Request, _ year: DepartmentYear) throws -> Indicator {
        let id = request.parameters.get("id") ?? ""
        guard let indicator = year.indicators.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "没有编号为 \(id) 的指标。")
        }
        return indicator
    }

    private func page(_ context: YearContext, _ year: DepartmentYear, form: IndicatorForm, existing: String?,
                      errors: FieldErrors, message: String? = nil, request: Request,
                      status: HTTPResponseStatus = .ok) -> Response {
        html(IndicatorView.render(year, form: form, existing: existing, errors: errors, message: message,
                                  user: context.user, csrf: CSRF.token(for: request)), status: status)
    }
}
