import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 采购 on a page: each procurement with its deadline checks beside its dates; the department's people change,
/// add and remove procurements, each change checked with the whole year and guarded by the list as it was read.
struct ProcurementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.records(code: .parameter, year: .parameter, kind: "procurements"), use: show)
        routes.post(.records(code: .parameter, year: .parameter, kind: "procurements"), use: change)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        return try await page(context, request: request)
    }

    @Sendable func change(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(ProcurementForm.self)
        let year = try await request.visibleYear().1
        var edit = RecordListRepository.Edit()
        switch (form.action, form.index) {
        case ("delete", let index?): edit.removing = [index]
        case ("save", let index?): edit.replacing = [index: form.entry(unit: year.moneyUnit)]
        case ("save", nil): edit.adding = [form.entry(unit: year.moneyUnit)]
        default: throw Abort(.unprocessableEntity, reason: "action 须为 save 或 delete。")
        }
        do {
            try await RecordListRepository.procurements(request.db).change(
                edit, expecting: form.digest ?? "", organisation: context.organisation, fiscal: context.fiscal,
                actor: context.user.auditActor)
        } catch let error as InputError {
            return try await page(context, request: request,
                                  problems: error.chineseLines,
                                  status: .unprocessableEntity, typed: form)
        } catch is RecordListRepository.Stale {
            return try await page(context, request: request,
                                  problems: ["采购记录在您打开页面后已被他人修改，下面是最新内容；请重新操作。"], status: .conflict)
        }
        return try await page(context, request: request, message: form.action == "delete" ? "已删除。" : "已保存。")
    }

    private func page(_ context: YearContext, request: Request, message: String? = nil, problems: [String] = [],
                      status: HTTPResponseStatus = .ok, typed: ProcurementForm? = nil) async throws -> Response {
        let year = try await request.visibleYear().1
        let digest = try await RecordListRepository.procurements(request.db).digest(yearID: context.yearID)
        return html(ProcurementsView.render(ProcurementsModel(year, digest: digest, mayChange: context.mayChange),
                                            typed: typed, message: message, problems: problems, user: context.user,
                                            csrf: CSRF.token(for: request)), status: status)
    }
}
