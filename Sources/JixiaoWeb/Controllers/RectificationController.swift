import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 整改: a finding made a rectification item (by the bureau's reviewer or the department), items changed as work
/// goes on, and the list of a year — every department's for the bureau, its own for a department — as a page and
/// a CSV file.
struct RectificationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.rectifications, use: list)
        routes.get(.rectificationsCSV, use: csv)
        routes.post(.rectificationAdd(code: .parameter, year: .parameter), use: add)
        routes.post(.rectificationUpdate(code: .parameter, year: .parameter, number: .parameter), use: update)
    }

    struct AddForm: Content {
        var finding: String?
        var subject: String?
        var owner: String?
        var deadline: String?
    }

    struct UpdateForm: Content {
        var owner: String?
        var deadline: String?
        var status: String?
        var progress: String?
    }

    /// Makes the finding named by code and subject (found again in the year as it stands, never taken from the
    /// form's text) an item, then shows the list.
    @Sendable func add(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let (user, year) = try await request.visibleYear()
        try Self.requireActing(user, on: year.department.code)
        let form = try request.content.decode(AddForm.self)
        let findings = FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year))
            + (try await request.sharedTextFindings(of: year, for: user))
        guard let finding = findings.first(where: { $0.code == form.finding && ($0.subject ?? "") == (form.subject ?? "") })
        else { throw Abort(.unprocessableEntity, reason: "这个问题已不在本年度的问题清单中，请刷新页面。") }
        let written = (form.deadline ?? "").trimmingCharacters(in: .whitespaces)
        guard let deadline = written.isEmpty ? CivilDate(year: year.year + 1, month: 6, day: 30) : CivilDate(iso: written) else {
            throw Abort(.unprocessableEntity, reason: "整改期限“\(written)”不是日期（YYYY-MM-DD）。")
        }
        let item = Rectification(finding, owner: form.owner ?? "", deadline: deadline)
        if let fault = item.faults.first { throw Abort(.unprocessableEntity, reason: fault.message) }
        do {
            let number = try await Rectifications(database: request.db).add(item, code: year.department.code, year: year.year,
                                                                           actor: user.auditActor)
            return request.redirect(to: Self.listPath(code: year.department.code, year: year.year) + "#item-\(year.department.code)-\(year.year)-\(number)")
        } catch let refusal as Rectifications.Refusal {
            throw Abort(.conflict, reason: refusal.message)
        }
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        guard let code = request.parameters.get("code"), let year = request.parameters.get("year", as: Int.self),
              let number = request.parameters.get("number", as: Int.self) else { throw Abort(.notFound) }
        try Self.requireActing(user, on: code)
        let form = try request.content.decode(UpdateForm.self)
        guard let status = form.status.flatMap(Rectification.Status.init(rawValue:)),
              let deadline = CivilDate(iso: form.deadline ?? "") else {
            throw Abort(.unprocessableEntity, reason: "请选择整改状态，并按 YYYY-MM-DD 填写整改期限。")
        }
        var item = Rectification(findingCode: "", subject: nil, problem: "", measure: "", owner: form.owner ?? "",
                                 deadline: deadline, status: status, progress: form.progress ?? "")
        item.progress = item.progress.trimmingCharacters(in: .whitespacesAndNewlines)
        if let fault = item.faults.first { throw Abort(.unprocessableEntity, reason: fault.message) }
        do {
            try await Rectifications(database: request.db).update(
                code: code, year: year, number: number, owner: item.owner, deadline: deadline, status: status,
                progress: item.progress, actor: user.auditActor)
        } catch let refusal as Rectifications.Refusal {
            throw Abort(.notFound, reason: refusal.message)
        }
        return request.redirect(to: Self.listPath(code: code, year: year) + "#item-\(code)-\(year)-\(number)")
    }

    /// The list a page at a time, with the whole selection counted.
    @Sendable func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let filter = try Filter(request, user: user)
        let repository = Rectifications(database: request.db)
        let today = ChinaClock.today()
        let tally = try await repository.tally(year: filter.year, organisation: filter.organisation,
                                               status: filter.status, today: today)
        let paging = Paging(request, total: tally.total)
        let items = try await repository.items(year: filter.year, organisation: filter.organisation,
                                               status: filter.status, range: paging.range)
        let model = RectificationModel(year: filter.year, status: filter.status, organisation: filter.organisation,
                                       items: items, tally: tally, paging: paging, today: today,
                                       mayAct: { user.role == .reviewer || user.mayChange(organisation: $0) })
        return html(RectificationView.render(model, user: user, csrf: CSRF.token(for: request)))
    }

    /// The whole selection as CSV.
    @Sendable func csv(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let filter = try Filter(request, user: user)
        let items = try await Rectifications(database: request.db)
            .items(year: filter.year, organisation: filter.organisation, status: filter.status)
        var writer = CSVWriter()
        writer.append(RectificationView.header)
        let today = ChinaClock.today()
        for item in items { writer.append(RectificationView.cells(item, today: today)) }
        return try await Download.csv(writer.text, filename: "整改清单\(filter.year.map(String.init) ?? "").csv", on: request)
    }

    /// The items the person may see, as the query narrows them (year, status, department); a department's people
    /// see only their own.
    private struct Filter {
        let year: Int?
        let organisation: String?
        let status: Rectification.Status?

        init(_ request: Request, user: CurrentUser) throws {
            guard !user.role.isAdministrator else { throw Abort(.forbidden, reason: "管理员不查看部门数据（三员分立）。") }
            func text(_ key: String) -> String? {
                (try? request.query.get(String.self, at: key)).flatMap { $0.isEmpty ? nil : $0 }
            }
            organisation = user.ownOrganisation ?? text("code")
            year = text("year").flatMap { Int($0) }
            status = text("status").flatMap(Rectification.Status.init(rawValue:))
        }
    }

    /// The bureau's reviewer, or the department's own preparer or head; 403 for everyone else.
    static func requireActing(_ user: CurrentUser, on code: String) throws {
        guard user.role == .reviewer || user.mayChange(organisation: code) else {
            throw Abort(.forbidden, reason: "整改事项由本部门或财政局审核人登记和更新。")
        }
    }

    static func listPath(code: String, year: Int) -> String {
        SiteURL.rectifications.path(query: [("code", code), ("year", String(year))])
    }
}

/// What the 整改清单 page shows.
struct RectificationModel {
    let year: Int?
    let status: Rectification.Status?
    /// The department the list is narrowed to, when it is.
    let organisation: String?
    /// The page's items.
    let items: [Rectifications.Item]
    /// The whole selection, counted.
    let tally: Rectifications.Tally
    let paging: Paging
    let today: CivilDate
    /// Whether the person may change an item of a department.
    let mayAct: (String) -> Bool
}
