import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 目标调整 on pages (`/years/{code}/{year}/targets`): the preparer asks to change an approved target with a
/// reason, the head and the bureau approve or return it, and every target's history is shown.
struct TargetsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.targets(code: .parameter, year: .parameter), use: show)
        routes.post(.targets(code: .parameter, year: .parameter), use: request)
        routes.post(.targetAdjustment(code: .parameter, year: .parameter, number: .parameter), use: step)
    }

    /// A request as a form or an API body gives it: empty fields keep the indicator's current value.
    struct RequestForm: Content {
        var indicator: String?
        var target: String?
        var unit: String?
        var direction: String?
        var weight: String?
        var reason: String?
    }

    struct StepForm: Content {
        var action: String?
        var reason: String?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await TargetsContext.resolve(request)
        return html(TargetsView.render(try await context.model(), user: context.year.user, csrf: CSRF.token(for: request)))
    }

    @Sendable func request(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let context = try await TargetsContext.resolve(request)
        let form = try request.content.decode(RequestForm.self)
        do {
            let number = try await context.request(form)
            return html(TargetsView.render(try await context.model(message: "已提交第 \(number) 号目标调整申请，待部门负责人审核。"),
                                           user: context.year.user, csrf: CSRF.token(for: request)))
        } catch let errors as FieldErrors {
            return html(TargetsView.render(try await context.model(problems: errors.all.map(\.value), form: form),
                                           user: context.year.user, csrf: CSRF.token(for: request)),
                        status: .unprocessableEntity)
        } catch let refusal as ReviewRefusal {
            return html(TargetsView.render(try await context.model(problems: [refusal.message] + refusal.faults,
                                                                   form: form),
                                           user: context.year.user, csrf: CSRF.token(for: request)), status: .conflict)
        } catch let input as InputError {
            return html(TargetsView.render(try await context.model(problems: input.chineseLines, form: form),
                                           user: context.year.user, csrf: CSRF.token(for: request)),
                        status: .unprocessableEntity)
        }
    }

    @Sendable func step(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let context = try await TargetsContext.resolve(request)
        let form = try request.content.decode(StepForm.self)
        do {
            let state = try await context.step(form, number: request.parameters.get("number", as: Int.self) ?? 0)
            return html(TargetsView.render(try await context.model(message: "目标调整申请：\(state.chinese)。"),
                                           user: context.year.user, csrf: CSRF.token(for: request)))
        } catch let refusal as ReviewRefusal {
            return html(TargetsView.render(try await context.model(problems: [refusal.message] + refusal.faults),
                                           user: context.year.user, csrf: CSRF.token(for: request)), status: .conflict)
        }
    }
}

/// A department-year's targets as the request's user may act on them: shared by the page and the API.
struct TargetsContext {
    let year: YearContext
    let request: Request
    var repository: TargetAdjustments { TargetAdjustments(database: request.db) }
    var party: ReviewParty? { year.user.role.reviewParty }

    static func resolve(_ request: Request) async throws -> TargetsContext {
        TargetsContext(year: try await YearContext.resolve(request, change: false), request: request)
    }

    func model(message: String? = nil, problems: [String] = [],
               form: TargetsController.RequestForm? = nil) async throws -> TargetsModel {
        guard let loaded = try await YearRepository(database: request.db)
            .load(code: year.organisation.code, year: year.fiscal.year, payments: .dailyTotals) else { throw Abort(.notFound) }
        let organisationID = year.organisation.id
        let states = try await ReviewRepository(database: request.db)
            .statuses(organisationID: organisationID, year: loaded.year).mapValues(\.state)
        return TargetsModel(code: year.organisation.code, name: year.organisation.name, year: loaded.year,
                            indicators: loaded.indicators, states: states, party: party,
                            requests: try await repository.requests(organisationID: organisationID, year: loaded.year),
                            history: try await repository.history(organisationID: organisationID, year: loaded.year),
                            message: message, problems: problems, form: form)
    }

    /// Files the preparer's request; 403 for anyone else, ``FieldErrors`` for values that do not read.
    func request(_ form: TargetsController.RequestForm) async throws -> Int {
        guard party == .preparer else { throw Abort(.forbidden, reason: "目标调整由本部门填报人申请。") }
        guard let loaded = try await YearRepository(database: request.db)
            .load(code: year.organisation.code, year: year.fiscal.year, payments: .dailyTotals) else { throw Abort(.notFound) }
        var errors = FieldErrors()
        guard let indicator = loaded.indicators.first(where: { $0.id == form.indicator }) else {
            errors["indicator"] = "请选择要调整的指标"
            throw errors
        }
        var proposed = TargetAdjustment.Target(indicator)
        func given(_ text: String?) -> String? {
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : String(trimmed.prefix(200))
        }
        if let target = given(form.target) { proposed.target = target }
        if let unit = given(form.unit) { proposed.unit = unit }
        if let direction = given(form.direction) {
            if let value = Indicator.Direction(rawValue: direction) { proposed.direction = value }
            else { errors["direction"] = "方向须为 >=、<=、=、> 或 <" }
        }
        if let weight = given(form.weight) {
            if let value = Rational(decimal: weight), value > .zero, value <= Rational(100), value.terminates(within: 4) {
                proposed.weight = value
            } else {
                errors["weight"] = "分值须为 0 到 100 之间、最多 4 位小数的数字"
            }
        }
        guard errors.isEmpty else { throw errors }
        return try await repository.request(indicator: indicator.id, proposed: proposed,
                                            reason: String((form.reason ?? "").prefix(TextLimits.maximumCharacters)),
                                            organisation: year.organisation, fiscal: year.fiscal,
                                            actor: year.user.auditActor)
    }

    /// One step on request `number`; 403 for a role that takes no part, 422 for an unknown action.
    func step(_ form: TargetsController.StepForm, number: Int) async throws -> TargetAdjustment.State {
        guard let party else { throw Abort(.forbidden, reason: "\(year.user.role.chinese)不参与目标调整的审核。") }
        guard let action = form.action.flatMap(ReviewAction.init(rawValue:)) else {
            throw Abort(.unprocessableEntity, reason: "action 须为 approve、return 或 withdraw")
        }
        return try await repository.step(action, number: number, by: party,
                                         reason: String((form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                                             .prefix(TextLimits.maximumCharacters)),
                                         organisation: year.organisation, fiscal: year.fiscal,
                                         actor: year.user.auditActor)
    }
}
