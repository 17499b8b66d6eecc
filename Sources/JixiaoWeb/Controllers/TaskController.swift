import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// Work-plan tasks on the pages: add one, change one (its state and share done as the owner reports them), remove
/// one. Every change is checked with the whole year by the bundle reader, version-guarded and audited.
struct TaskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.taskNew(code: .parameter, year: .parameter), use: newForm)
        routes.post(.tasks(code: .parameter, year: .parameter), use: create)
        routes.get(.task(code: .parameter, year: .parameter, id: .parameter), use: editForm)
        routes.post(.task(code: .parameter, year: .parameter, id: .parameter), use: update)
        routes.post(.taskDelete(code: .parameter, year: .parameter, id: .parameter), use: delete)
    }

    /// The form flow shared with indicators.
    static let flow = KeyedRecordFlow<TaskForm, WorkTask>(
        noun: "任务", fallbackField: "title", list: { SiteURL.workPlan(code: $0, year: $1) }, anchor: "task-",
        find: { year, id in year.workPlan.first { $0.id == id } },
        form: { TaskForm($0, version: $1) },
        versions: { try await WorkPlanRepository(database: $0).versions(yearID: $1) },
        refusal: { error -> KeyedRecordRefusal? in
            switch error as? WorkPlanRepository.Refusal {
            case .noSuchTask?: .missing
            case .conflict?: .conflict
            case .duplicateID?: .duplicateID
            case nil: nil
            }
        },
        page: { context, year, form, existing, errors, message, request, status -> Response in
            html(TaskView.render(year, form: form, existing: existing, errors: errors, message: message,
                                 user: context.user, csrf: CSRF.token(for: request)), status: status)
        })

    @Sendable func newForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (_, year) = try await request.visibleYear()
        var form = TaskForm()
        form.id = "t\(year.workPlan.count + 1)"
        return Self.flow.page(context, year, form, nil, FieldErrors(), nil, request, HTTPResponseStatus.ok)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(TaskForm.self)
        return try await Self.flow.save(request, context, form: form, existing: nil) { entry, checkOnly in
            try await WorkPlanRepository(database: request.db).add(entry, organisation: context.organisation,
                                                                   fiscal: context.fiscal, actor: context.user.auditActor,
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
        let form = try request.content.decode(TaskForm.self)
        return try await Self.flow.save(request, context, form: form, existing: id) { entry, checkOnly in
            try await WorkPlanRepository(database: request.db).update(
                entry, id: id, version: form.version ?? 0, organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor, checkOnly: checkOnly)
        }
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        try await Self.flow.refusals(id) {
            try await WorkPlanRepository(database: request.db).delete(
                id: id, version: (try? request.content.get(Int.self, at: "version")) ?? 0,
                organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
        }
        return request.redirect(to: SiteURL.workPlan(code: context.organisation.code, year: context.fiscal.year).path)
    }
}
