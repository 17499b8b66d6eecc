import Foundation
import JixiaoCore
import JixiaoStore
import Vapor

/// A budget line's monthly payment plan: typed month by month, or spread from the budget evenly or by last year's
/// payments, then saved with a version check.
struct PlanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.linePlan(code: .parameter, year: .parameter, id: .parameter), use: show)
        routes.post(.linePlan(code: .parameter, year: .parameter, id: .parameter), use: post)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        let model = try line(request, context)
        return page(context, model, form: PlanForm(plan: model.plan, version: model.version), errors: FieldErrors(),
                    message: nil, request: request)
    }

    @Sendable func post(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let model = try line(request, context)
        var form = PlanForm(request)
        let budget = model.adjusted
        switch form.action {
        case .even:
            form.months = PlanForm(plan: PlanSpreading.evenly(budget, over: form.from...12), version: nil).months
            return page(context, model, form: form, errors: FieldErrors(),
                        message: "已把全年预算数平均分摊到 \(form.from)–12 月，核对后请保存。", request: request)
        case .lastYear:
            guard let plan = PlanSpreading.following(model.lastYear,
                                                     total: budget) else {
                return page(context, model, form: form, errors: FieldErrors(),
                            message: "这个项目没有上年月度支付数据，可在填报工作簿“上年月度支付”表中填写后导入。",
                            request: request, status: .unprocessableEntity)
            }
            form.months = PlanForm(plan: plan, version: nil).months
            return page(context, model, form: form, errors: FieldErrors(),
                        message: "已按上年各月支付比例分摊全年预算数，核对后请保存。", request: request)
        case .workPlan:
            let tasks = try await request.visibleYear().1.workPlanPayments(ofLine: model.code)
            guard !tasks.isEmpty else {
                return page(context, model, form: form, errors: FieldErrors(),
                            message: "工作计划中没有任务从这个项目列支计划支付。", request: request, status: .unprocessableEntity)
            }
            form.months = PlanForm(plan: tasks, version: nil).months
            return page(context, model, form: form, errors: FieldErrors(),
                        message: "已按工作计划各任务的计划支付汇总到各月，核对后请保存。", request: request)
        case .save:
            switch form.validated() {
            case .failure(let errors):
                return page(context, model, form: form, errors: errors, message: "有 \(errors.count) 处需要改正。",
                            request: request, status: .unprocessableEntity)
            case .success(let plan):
                do {
                    try await BudgetLineRepository(database: request.db).updatePlan(
                        model.id, fiscal: context.fiscal, version: form.version ?? 0, plan: plan,
                        subject: context.subject, actor: context.user.auditActor)
                } catch BudgetLineRepository.Refusal.conflict {
                    let fresh = try await YearContext.resolve(request, change: true)
                    let stored = try line(request, fresh)
                    return page(fresh, stored, form: PlanForm(plan: stored.plan,
                                                              version: stored.version),
                                errors: FieldErrors(), message: "这个项目在您打开页面后已被他人修改，下面是最新的计划；请重新填写后保存。",
                                request: request, status: .conflict)
                }
                return request.redirect(to: SiteURL.lines(code: context.organisation.code, year: context.fiscal.year).path
                    + "?saved=plan")
            }
        }
    }

    private func line(_ request: Request, _ context: YearContext) throws -> Stored<BudgetLine> {
        guard let id = request.parameters.get("id", as: UUID.self), let model = context.lines.first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        return model
    }

    private func page(_ context: YearContext, _ model: Stored<BudgetLine>, form: PlanForm, errors: FieldErrors,
                      message: String?, request: Request, status: HTTPResponseStatus = .ok) -> Response {
        html(PlanView.render(context: context, line: model.value, id: model.id, hasLastYear: !model.lastYear.isEmpty,
                             form: form, errors: errors, message: message, csrf: CSRF.token(for: request)),
             status: status)
    }
}
