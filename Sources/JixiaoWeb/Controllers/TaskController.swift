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

    @Sendable func newForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (_, year) = try await request.visibleYear()
        var form = TaskForm()
        form.id = "t\(year.workPlan.count + 1)"
        return page(context, year, form: form, existing: nil, errors: FieldErrors(), request: request)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(TaskForm.self)
        return try await save(request, context, form: form, existing: nil) { entry, checkOnly in
            try await WorkPlanRepository(database: request.db).add(entry, organisation: context.organisation,
                                                                   fiscal: context.fiscal, actor: context.user.auditActor,
                                                                   checkOnly: checkOnly)
        }
    }

    @Sendable func editForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (_, year) = try await request.visibleYear()
        let task = try self.task(request, year)
        let version = try await WorkPlanRepository(database: request.db).versions(yearID: context.yearID)[task.id]
        return page(context, year, form: TaskForm(task, version: version), existing: task.id, errors: FieldErrors(),
                    request: request)
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        let form = try request.content.decode(TaskForm.self)
        return try await save(request, context, form: form, existing: id) { entry, checkOnly in
            try await WorkPlanRepository(database: request.db).update(
                entry, id: id, version: form.version ?? 0, organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor, checkOnly: checkOnly)
        }
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let id = request.parameters.get("id") ?? ""
        do {
            try await WorkPlanRepository(database: request.db).delete(
                id: id, version: (try? request.content.get(Int.self, at: "version")) ?? 0,
                organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
        } catch WorkPlanRepository.Refusal.noSuchTask {
            throw Abort(.notFound, reason: "没有编号为 \(id) 的任务。")
        } catch WorkPlanRepository.Refusal.conflict {
            throw Abort(.conflict, reason: "这项任务在您打开页面后已被他人修改，请返回重新打开。")
        } catch let error as InputError {
            throw Abort(.unprocessableEntity, reason: error.chineseDescription)
        }
        return request.redirect(to: SiteURL.workPlan(code: context.organisation.code, year: context.fiscal.year).path)
    }

    /// Checks the form and the year with the entry in it, stores the entry when both are right, and answers with the
    /// work plan — or the form again with every fault at once. The year is read only to show the form again.
    private func save(_ request: Request, _ context: YearContext, form: TaskForm, existing: String?,
                      store: (JSONValue, _ checkOnly: Bool) async throws -> Void) async throws -> Response {
        let (entry, formErrors) = form.entry(id: existing)
        var errors = formErrors
        do {
            try await store(entry, !formErrors.isEmpty)
            if formErrors.isEmpty {
                let url = SiteURL.workPlan(code: context.organisation.code, year: context.fiscal.year).path
                return request.redirect(to: url + "#task-\(existing ?? (form.id ?? "").trimmingCharacters(in: .whitespaces))")
            }
        } catch let error as InputError {
            errors = FieldErrors.reader(error, adding: formErrors, fallback: "title")
        } catch WorkPlanRepository.Refusal.noSuchTask {
            throw Abort(.notFound, reason: "没有编号为 \(existing ?? "") 的任务。")
        } catch WorkPlanRepository.Refusal.duplicateID {
            errors["id"] = "本年度已有编号为“\(form.id ?? "")”的任务"
        } catch WorkPlanRepository.Refusal.conflict {
            let fresh = try await request.visibleYear().1
            let task = try self.task(request, fresh)
            let version = try await WorkPlanRepository(database: request.db).versions(yearID: context.yearID)[task.id]
            return page(context, fresh, form: TaskForm(task, version: version), existing: task.id, errors: FieldErrors(),
                        message: "这项任务在您打开页面后已被他人修改，下面是最新内容；请重新填写后保存。",
                        request: request, status: .conflict)
        }
        return page(context, try await request.visibleYear().1, form: form, existing: existing, errors: errors,
                    message: "有 \(errors.count) 处需要改正。", request: request, status: .unprocessableEntity)
    }

    private func task(_ request: Request, _ year: DepartmentYear) throws -> WorkTask {
        let id = request.parameters.get("id") ?? ""
        guard let task = year.workPlan.first(where: { $0.id == id }) else { throw Abort(.notFound, reason: "没有编号为 \(id) 的任务。") }
        return task
    }

    private func page(_ context: YearContext, _ year: DepartmentYear, form: TaskForm, existing: String?,
                      errors: FieldErrors, message: String? = nil, request: Request,
                      status: HTTPResponseStatus = .ok) -> Response {
        html(TaskView.render(year, form: form, existing: existing, errors: errors, message: message,
                             user: context.user, csrf: CSRF.token(for: request)), status: status)
    }
}
