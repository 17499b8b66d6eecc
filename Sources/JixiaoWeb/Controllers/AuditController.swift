import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// `GET /audit` and `GET /audit.csv`: the audit trail for the 审计人员 and the 审计管理员 — the newest entries on
/// the page with the state of the chain, the whole trail as a CSV file, both filtered by who, what (an action or
/// its prefix, `review.`) and when (Beijing dates, inclusive). Reading it is itself audited.
struct AuditController: RouteCollection {
    /// How many of the newest entries the page shows.
    static let shown = 500

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.audit, use: show)
        routes.get(.auditCSV, use: csv)
    }

    /// The filters a page or CSV request asks for; a date that is no date is a 422.
    struct Filter: Content {
        var actor: String?
        var action: String?
        var from: String?
        var to: String?

        /// The trail's filter (dates as whole days in Beijing time).
        func trailFilter() throws -> AuditTrail.Filter {
            var filter = AuditTrail.Filter(actor: actor?.trimmingCharacters(in: .whitespaces),
                                           action: action?.trimmingCharacters(in: .whitespaces))
            for (text, isStart) in [(from, true), (to, false)] {
                guard let text, !text.isEmpty else { continue }
                guard let date = CivilDate(iso: text) else {
                    throw Abort(.unprocessableEntity, reason: "日期“\(text)”应为 YYYY-MM-DD。")
                }
                let start = ChinaCalendar.start(of: isStart ? date : CivilDate(dayNumber: date.dayNumber + 1))
                if isStart { filter.from = start } else { filter.before = start }
            }
            return filter
        }

        /// The filters as a query string, for the CSV link.
        var queryString: String {
            [("actor", actor), ("action", action), ("from", from), ("to", to)].compactMap { key, value in
                guard let value, !value.isEmpty else { return nil }
                return "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&")
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try requireReader(request)
        let filter = try request.query.decode(Filter.self)
        try await AuditLog.append(on: request.db, actor: user.auditActor, action: "audit.read", subject: "audit",
                                  after: filter.queryString)
        let entries = try await AuditTrail(database: request.db).entries(matching: try filter.trailFilter(),
                                                                          newest: Self.shown)
        let chain: String
        let intact: Bool
        do {
            let count = try await AuditLog.verify(on: request.db)
            (chain, intact) = ("审计日志完整：共 \(count) 条记录，密钥校验通过，未发现改动或删除。", true)
        } catch let broken as AuditLog.Break {
            (chain, intact) = ("审计日志被改动：第 \(broken.sequence) 条记录处 \(broken.reason)。", false)
        }
        return html(AuditView.render(entries: entries, filter: filter, chain: chain, intact: intact, user: user,
                                     csrf: CSRF.token(for: request)))
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        _ = try requireReader(request)
        let filter = try request.query.decode(Filter.self)
        var writer = CSVWriter()
        writer.append(AuditView.columns)
        for entry in try await AuditTrail(database: request.db).entries(matching: try filter.trailFilter()) {
            writer.append(AuditView.cells(entry))
        }
        return try await Download.csv(writer.text, filename: "审计日志.csv", on: request)
    }

    private func requireReader(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        guard user.role.readsAuditTrail else {
            throw Abort(.forbidden, reason: "审计日志只对审计人员和审计管理员开放。")
        }
        return user
    }
}
