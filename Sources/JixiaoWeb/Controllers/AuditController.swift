import Fluent
import JixiaoStore
import Vapor

/// `GET /audit`: the audit trail for auditors and administrators.
struct AuditController: RouteCollection {
    /// How many of the newest entries the page shows.
    static let shown = 500

    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard user.role == .auditor || user.role == .admin else {
            throw Abort(.forbidden, reason: "审计日志只对审计人员和系统管理员开放。")
        }
        let entries = try await AuditEntryModel.query(on: request.db).sort(\.$sequence, .descending)
            .limit(Self.shown).all()
        let chain: String
        let intact: Bool
        do {
            let count = try await AuditLog.verify(on: request.db)
            (chain, intact) = ("哈希链完整：共 \(count) 条记录，未发现改动。", true)
        } catch let broken as AuditLog.Break {
            (chain, intact) = ("哈希链断裂：第 \(broken.sequence) 条记录 \(broken.reason)。", false)
        }
        return html(AuditView.render(entries: entries, chain: chain, intact: intact, user: user,
                                     csrf: CSRF.token(for: request)))
    }
}
