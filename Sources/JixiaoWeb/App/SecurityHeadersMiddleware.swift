import JixiaoStore
import Vapor

/// The headers every answer carries, whatever made it (pages, downloads, the API, errors): no framing by other sites,
/// no MIME sniffing, no referrer sent elsewhere, a content security policy, nothing kept in shared or browser caches
/// (everything but the health checks is signed-in data), and HSTS when the deployment serves HTTPS.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// For the site's own pages: its own resources only, inline styles (the stylesheet is inline) and the inline SVG
    /// charts; forms post only to this site.
    static let pagePolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    /// For documents served as HTML (the report, the monitoring table): no script, no form, nothing loaded.
    static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"

    let hsts: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cache-Control", "no-store"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if !response.headers.contains(name: "Content-Security-Policy") {
            let document = response.headers.contentDisposition != nil
            response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                          value: document ? Self.documentPolicy : Self.pagePolicy)
        }
        if hsts {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        return response
    }
}

/// Errors that are not deliberate refusals never show their text (an SQL message, a file path) to the client: the
/// answer names the request id, and the log holds the error under that id. Refusals (``AbortError``) keep their
/// reason. The API answers JSON; pages are made by ``PageErrorMiddleware`` inside this one.
struct InternalErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError {
            throw abort
        } catch {
            request.logger.error("request \(request.id) failed: \(String(reflecting: error))")
            throw Abort(.internalServerError, reason: "服务器内部错误（请求编号 \(request.id)），已记录在日志中。")
        }
    }
}

/// Refusals are audited: every 403, with the path asked for, and who asked from where.
struct DeniedAccessAudit: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            let response = try await next.respond(to: request)
            if response.status == .forbidden { try await record(request) }
            return response
        } catch let abort as any AbortError where abort.status == .forbidden {
            try await record(request)
            throw abort
        }
    }

    private func record(_ request: Request) async throws {
        try await AuditLog.append(on: request.db, actor: request.auditActor, action: "access.denied",
                                              subject: "\(request.method.rawValue) \(request.url.path)",
                                              outcome: .denied)
    }
}
