import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 资产 on a page: the balance-sheet assets at a date (流动资产, 非流动资产, and the declared 资产总额 checked against
/// them), changed by the department's people with a version check, checked with the whole year and audited.
struct AssetsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.records(code: .parameter, year: .parameter, kind: "assets"), use: show)
        routes.post(.records(code: .parameter, year: .parameter, kind: "assets"), use: save)
    }

    /// The assets as posted, in 元.
    struct Form: Content {
        var asOf: String?
        var current: String?
        var nonCurrent: String?
        var total: String?
        var version: Int?

        init(_ assets: Assets? = nil, version: Int? = nil) {
            asOf = assets?.asOf.description
            current = assets?.current.yuanString
            nonCurrent = assets?.nonCurrent.yuanString
            total = assets?.declaredTotal?.yuanString
            self.version = version
        }

        /// The bundle `assets` object in the year's money unit (a value that does not read goes on as typed for the
        /// reader to refuse by name).
        func entry(unit: Money.Unit) -> JSONValue {
            func money(_ value: String?) -> JSONValue {
                let typed = FormText.clean(value)
                return .string(ClerkFormats.number(typed).flatMap { Money(decimal: $0, unit: .yuan) }?
                    .decimalString(in: unit) ?? typed)
            }
            var members: [JSONValue.Member] = [.init("asOf", .string(FormText.date(asOf))),
                                               .init("current", money(current)), .init("nonCurrent", money(nonCurrent))]
            if !FormText.clean(total).isEmpty { members.append(.init("total", money(total))) }
            return .object(members)
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        let year = try await request.visibleYear().1
        return page(context, year, form: Form(year.assets, version: context.fiscal.version), request: request)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(Form.self)
        let year = try await request.visibleYear().1
        do {
            try await YearRepository(database: request.db).updateAssets(
                form.entry(unit: year.moneyUnit), organisation: context.organisation, fiscal: context.fiscal,
                version: form.version ?? 0, actor: context.user.auditActor)
        } catch let error as InputError {
            return page(context, year, form: form, request: request,
                        problems: error.chineseLines,
                        status: .unprocessableEntity)
        } catch is YearRepository.Stale {
            return page(context, year, form: Form(year.assets, version: context.fiscal.version), request: request,
                        problems: ["资产数据在您打开页面后已被他人修改，下面是最新内容；请重新填写后保存。"], status: .conflict)
        }
        let saved = try await request.visibleYear().1
        let fiscal = try await YearRepository(database: request.db)
            .fiscalYear(organisationID: context.organisation.id, year: saved.year)
        return page(context, saved, form: Form(saved.assets, version: fiscal?.version), request: request,
                    message: "已保存。")
    }

    private func page(_ context: YearContext, _ year: DepartmentYear, form: Form, request: Request,
                      message: String? = nil, problems: [String] = [], status: HTTPResponseStatus = .ok) -> Response {
        html(AssetsView.render(AssetsModel(year, form: form, mayChange: context.mayChange), message: message,
                               problems: problems, user: context.user, csrf: CSRF.token(for: request)), status: status)
    }
}
