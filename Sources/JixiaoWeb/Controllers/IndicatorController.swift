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

    /// The form flow shared with work-plan tasks.
    static let flow = KeyedRecordFlow<IndicatorForm, Indicator>(
        noun: "指标", fallbackField: "name", list: { SiteURL.indicators(code: $0, year: $1) }, anchor: "indicator-",
        find: { year, id in year.indicators.first { $0.id == id } },
        form: { IndicatorForm($0, version: $1) },
        versions: { try await IndicatorRepository(database: $0).versions(yearID: $1) },
        refusal: { error -> KeyedRecordRefusal? in
            switch error as? IndicatorRepository.Refusal {
            case .noSuchIndicator?: .missing
            case .conflict?: .conflict
            case .duplicateID?: .duplicateID
            case .cannotMove?: .refused("这项指标已在最前或最后，不能再移动。")
            case nil: nil
            }
        },
        page: { context, year, form, existing, errors, message, request, status -> Response in
            html(IndicatorView.render(year, form: form, existing: existing, errors: errors, message: message,
                                      user: context.user, csrf: CSRF.token(for: request)), status: status)
        })

    @Sendable func newForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (_, year) = try await request.visibleYear()
        var form = IndicatorForm()
        form.id = "i\(year.indicators.count + 1)"
        form.level1 = year.template.levels.first?.name
        return Self.flow.page(context, year, form, nil, FieldErrors(), nil, request, HTTPResponseStatus.ok)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(IndicatorForm.self)
        return try await Self.flow.save(request, context, form: form, existing: nil) { entry, checkOnly in
            try await IndicatorRepository(database: request.db).add(
                entry, organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor,
                checkOnly: checkOnly)
        }
    }

    @Sendable func editForm(_ request: Request) async throws -> Response {
        try await Self.flow.editForm(request)
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        let form = try request.content.decode(IndicatorForm.self)
        return try await Self.flow.save(request, context, form: form, existing: id) { entry, checkOnly in
            try await IndicatorRepository(database: request.db).update(
                entry, id: id, version: form.version ?? 0, organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor, checkOnly: checkOnly)
        }
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        try await Self.flow.refusals(id) {
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
        try await Self.flow.refusals(id) {
            try await IndicatorRepository(database: request.db).move(
                id: id, offset: offset.signum(), organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor)
        }
        return request.redirect(to: SiteURL.indicators(code: context.organisation.code, year: context.fiscal.year).path
            + "#indicator-\(id)")
    }
}
