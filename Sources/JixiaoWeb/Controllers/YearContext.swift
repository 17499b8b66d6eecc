import Foundation
import JixiaoCore
import JixiaoStore
import Vapor

/// The department-year a request's path names, after the role checks: its rows and budget lines. Pages that change
/// records start from it.
struct YearContext {
    let user: CurrentUser
    let organisation: StoredOrganisation
    let fiscal: StoredYear
    let lines: [Stored<BudgetLine>]

    /// `CODE/YEAR`, as the audit log names the year.
    var subject: String { "\(organisation.code)/\(fiscal.year)" }
    var yearID: UUID { fiscal.id }
    var mayChange: Bool { user.mayChange(organisation: organisation.code) }

    /// 404 when there is no such year, 403 when the user may not see it (or, with `change`, not change it).
    static func resolve(_ request: Request, change: Bool) async throws -> YearContext {
        let user = try request.requireUser()
        guard let code = request.parameters.get("code"), let year = request.parameters.get("year", as: Int.self) else {
            throw Abort(.notFound)
        }
        guard user.maySee(organisation: code) else { throw Abort(.forbidden, reason: "只能查看本部门的数据。") }
        if change, !user.mayChange(organisation: code) { throw Abort(.forbidden, reason: "您的角色不能修改这些数据。") }
        let years = YearRepository(database: request.db)
        guard let organisation = try await years.organisation(code: code),
              let fiscal = try await years.fiscalYear(organisationID: organisation.id, year: year) else {
            throw Abort(.notFound, reason: "没有 \(code) \(year) 年的数据。")
        }
        try await request.auditRead(code: code, year: year)
        let lines = try await BudgetLineRepository(database: request.db).lines(of: fiscal)
        return YearContext(user: user, organisation: organisation, fiscal: fiscal, lines: lines)
    }
}
