import Fluent
import Foundation
import JixiaoIO
import JixiaoStore
import Vapor

/// `GET /audit` and `GET /audit.csv`: the audit trail for the 审计人员 and the 审计管理员 — the newest entries on
/// the page with the state of the chain, the whole trail as a CSV file. Reading it is itself audited.
struct AuditController: RouteCollection {
    /// How many of the newest entries the page shows.
    static let shown = 500

    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: show)
        routes.get("audit.csv", use: csv)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try requireReader(request)
        try await AuditLog.append(on: request.db, actor: user.auditActor, action: "audit.read", subject: "audit")
        let entries = try await AuditEntryModel.query(on: request.db).sort(\.$sequence, .descending)
            .limit(Self.shown).all()
        let chain: String
        let intact: Bool
        do {
            let count = try await AuditLog.verify(on: request.db)
            (chain, intact) = ("审计日志完整：共 \(count) 条记录，密钥校验通过，未发现改动或删除。", true)
        } catch let broken as AuditLog.Break {
            (chain, intact) = ("审计日志被改动：第 \(broken.sequence) 条记录处 \(broken.reason)。", false)
        }
        return html(AuditView.render(entries: entries, chain: chain, intact: intact, user: user,
                                     csrf: CSRF.token(for: request)))
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        _ = try requireReader(request)
        var writer = CSVWriter()
        writer.append(AuditView.columns)
        for entry in try await AuditEntryModel.query(on: request.db).sort(\.$sequence).all() {
            writer.append(AuditView.cells(entry))
        }
        return try await Download.response(
            Data(writer.text.utf8), type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]),
            filename: "审计日志.csv", inline: false, on: request)
    }

    private func requireReader(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        guard user.role.readsAuditTrail else {
            throw Abort(.forbidden, reason: "审计日志只对审计人员和审计管理员开放。")
        }
        return user
    }
}
