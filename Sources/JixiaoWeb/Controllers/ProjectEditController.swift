import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 项目 changed on the pages: a new project, a project's own members (name, 实施单位, lines, template, goal and what
/// was achieved), a project removed — each a change of the year's project list under the digest the form was
/// opened on, checked with the whole year by the bundle reader (every fault beside its field), audited, and held as
/// a change of targets once the targets are handed in. The project's indicator tree is kept as stored.
struct ProjectEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.projectNew(code: .parameter, year: .parameter), use: newForm)
        routes.post(.projectNew(code: .parameter, year: .parameter), use: create)
        routes.get(.projectEdit(code: .parameter, year: .parameter, project: .parameter), use: editForm)
        routes.post(.projectEdit(code: .parameter, year: .parameter, project: .parameter), use: update)
        routes.post(.projectDelete(code: .parameter, year: .parameter, project: .parameter), use: delete)
    }

    @Sendable func newForm(_ request: Request) async throws -> Response {
        let (context, year) = try await Self.year(request)
        let form = ProjectForm(digest: try await Self.repository(request).digest(yearID: context.yearID))
        return Self.page(context, year, form: form, existing: nil, errors: FieldErrors(), message: nil, request, .ok)
    }

    @Sendable func editForm(_ request: Request) async throws -> Response {
        let (context, year) = try await Self.year(request)
        let (_, project) = try Self.project(request, in: year)
        let form = ProjectForm(project, digest: try await Self.repository(request).digest(yearID: context.yearID))
        return Self.page(context, year, form: form, existing: project.code, errors: FieldErrors(), message: nil,
                         request, .ok)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let (context, year) = try await Self.year(request)
        try CSRF.verify(request)
        let form = try request.content.decode(ProjectForm.self)
        let (entry, errors) = form.entry(over: nil)
        return try await save(request, context, year, form: form, existing: nil, formErrors: errors,
                              edit: .init(adding: [entry]))
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let (context, year) = try await Self.year(request)
        try CSRF.verify(request)
        let (index, project) = try Self.project(request, in: year)
        let form = try request.content.decode(ProjectForm.self)
        let (entry, errors) = form.entry(over: BundleWriter.project(project))
        return try await save(request, context, year, form: form, existing: project.code, formErrors: errors,
                              edit: .init(replacing: [index: entry]))
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let (context, year) = try await Self.year(request)
        try CSRF.verify(request)
        let (index, project) = try Self.project(request, in: year)
        do {
            try await Self.repository(request).change(
                .init(removing: [index]), expecting: (try? request.content.get(String.self, at: "digest")) ?? "",
                organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
        } catch let error as InputError {
            throw Abort(.unprocessableEntity, reason: "不能删除项目 \(project.code)：" + error.chineseLines.joined(separator: "；"))
        } catch is RecordListRepository.Stale {
            throw Abort(.conflict, reason: "项目在您打开页面后已被他人修改，请返回重新打开。")
        }
        return request.redirect(to: SiteURL.year(code: context.organisation.code, year: context.fiscal.year).path
            + "#projects")
    }

    /// Stores the edit when the form has no faults of its own and the year reads with it; otherwise the form again
    /// with every fault — or, when the list changed meanwhile, the latest list's form.
    private func save(_ request: Request, _ context: YearContext, _ year: DepartmentYear, form: ProjectForm,
                      existing: String?, formErrors: FieldErrors,
                      edit: RecordListRepository.Edit) async throws -> Response {
        guard formErrors.isEmpty else {
            return Self.page(context, year, form: form, existing: existing, errors: formErrors,
                             message: "有 \(formErrors.count) 处需要改正。", request, .unprocessableEntity)
        }
        do {
            try await Self.repository(request).change(edit, expecting: form.digest ?? "",
                                                      organisation: context.organisation, fiscal: context.fiscal,
                                                      actor: context.user.auditActor)
        } catch let error as InputError {
            let errors = FieldErrors.reader(error, adding: formErrors, fallback: "code")
            return Self.page(context, year, form: form, existing: existing, errors: errors,
                             message: "有 \(errors.count) 处需要改正。", request, .unprocessableEntity)
        } catch is RecordListRepository.Stale {
            let fresh = try await request.visibleYear().1
            let current = existing.flatMap { code in fresh.projects.first { $0.code == code } }
            var latest = existing == nil ? form : ProjectForm(current)
            latest.digest = try await Self.repository(request).digest(yearID: context.yearID)
            return Self.page(context, fresh, form: latest, existing: current?.code, errors: FieldErrors(),
                             message: "项目在您打开页面后已被他人修改，下面是最新内容；请核对后再保存。", request, .conflict)
        }
        let code = FormText.clean(form.code)
        return request.redirect(to: SiteURL.project(code: context.organisation.code, year: context.fiscal.year,
                                                    project: code).path)
    }

    private static func year(_ request: Request) async throws -> (YearContext, DepartmentYear) {
        let context = try await YearContext.resolve(request, change: true)
        return (context, try await request.visibleYear().1)
    }

    private static func repository(_ request: Request) -> RecordListRepository { .projects(request.db) }

    private static func project(_ request: Request, in year: DepartmentYear) throws -> (Int, Project) {
        let code = request.parameters.get("project") ?? ""
        guard let index = year.projects.firstIndex(where: { $0.code == code }) else {
            throw Abort(.notFound, reason: "本年度没有编码为“\(code)”的项目。")
        }
        return (index, year.projects[index])
    }

    private static func page(_ context: YearContext, _ year: DepartmentYear, form: ProjectForm, existing: String?,
                             errors: FieldErrors, message: String?, _ request: Request,
                             _ status: HTTPResponseStatus) -> Response {
        html(ProjectFormView.render(.init(year, existing: existing, templates: TemplateCatalog.builtIn.templates),
                                    form: form, existing: existing, errors: errors, message: message,
                                    user: context.user, csrf: CSRF.token(for: request)), status: status)
    }
}
