import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// Reporting an indicator's progress during the year: the value reached, the expected year-end value and the
/// likelihood of meeting the target, with cause and remedy when it is not certain.
struct IndicatorProgressController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.indicatorProgress(code: .parameter, year: .parameter, id: .parameter), use: show)
        routes.post(.indicatorProgress(code: .parameter, year: .parameter, id: .parameter), use: save)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let (user, year) = try await request.visibleYear()
        let indicator = try self.indicator(request, in: year)
        let latest = indicator.progress.last
        let form = ProgressForm(asOf: ChinaCalendar.today(within: year.year).description,
                                likelihood: latest?.likelihood?.rawValue, cause: latest?.cause?.rawValue,
                                remedy: latest?.remedy)
        return html(IndicatorProgressView.render(year, indicator: indicator, form: form, errors: FieldErrors(),
                                                 mayChange: user.mayChange(organisation: year.department.code),
                                                 user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(ProgressForm.self)
        let id = request.parameters.get("id") ?? ""
        do {
            try await IndicatorProgressRepository(database: request.db).report(
                form.entry, indicator: id, organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor)
        } catch IndicatorProgressRepository.Refusal.noSuchIndicator {
            throw Abort(.notFound, reason: "没有编号为 \(id) 的指标。")
        } catch let error as InputError {
            let (_, year) = try await request.visibleYear()
            return html(IndicatorProgressView.render(year, indicator: try indicator(request, in: year), form: form,
                                                     errors: ProgressForm.errors(error), mayChange: true,
                                                     user: context.user, csrf: CSRF.token(for: request)),
                        status: .unprocessableEntity)
        }
        let path = SiteURL.indicators(code: context.organisation.code, year: context.fiscal.year).path
        return request.redirect(to: path + "?saved=\(id)#indicator-\(id)")
    }

    private func indicator(_ request: Request, in year: DepartmentYear) throws -> Indicator {
        let id = request.parameters.get("id") ?? ""
        guard let indicator = year.indicators.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "没有编号为 \(id) 的指标。")
        }
        return indicator
    }
}
