import JixiaoIO
import JixiaoStore
import Vapor

/// Settings of the web application beyond the database.
public struct WebSettings: Sendable {
    /// bcrypt's cost for passwords set through the app (tests lower it).
    public var bcryptCost: Int
    /// Whether cookies are sent over HTTPS only, with HSTS on every answer (behind a TLS-terminating proxy).
    public var secureCookies: Bool
    /// Whether the server sits behind a reverse proxy whose `X-Forwarded-For` tells the client's address.
    public var behindProxy: Bool
    /// The audit key; nil to find it as ``AuditKey/resolve(for:environment:)`` does.
    public var auditKey: AuditKey?

    public init(bcryptCost: Int = 12, secureCookies: Bool = false, behindProxy: Bool = false,
                auditKey: AuditKey? = nil) {
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.behindProxy = behindProxy
        self.auditKey = auditKey
    }
}

/// Composes the application: store, sessions in the database (so app servers stay stateless), the security
/// middleware, routes.
public enum JixiaoApp {
    public static func configure(_ app: Application, location: StoreLocation, settings: WebSettings = WebSettings())
        async throws {
        try Store.configure(app, location: location, auditKey: settings.auditKey)
        app.storage[SettingsKey.self] = settings
        app.storage[PolicyCache.Key.self] = PolicyCache()
        app.sessions.use { app in UnchangedSessions(stored: app.fluent.sessions.driver()) }
        app.sessions.configuration.cookieName = "jixiao-session"
        app.sessions.configuration.cookieFactory = { id in
            // No expiry: the cookie ends with the browser; the server ends the session by the policy's timeouts.
            HTTPCookies.Value(string: id.string, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true,
                              sameSite: .lax)
        }
        // Outermost first: the security headers see every answer, errors included.
        var middleware = Middlewares()
        middleware.use(RouteLoggingMiddleware(logLevel: .info))
        middleware.use(SecurityHeadersMiddleware(hsts: settings.secureCookies))
        middleware.use(ErrorMiddleware.default(environment: app.environment))
        middleware.use(InternalErrorMiddleware())
        middleware.use(app.sessions.middleware)
        middleware.use(PageErrorMiddleware())
        middleware.use(DeniedAccessAudit())
        app.middleware = middleware
        // Forms with a few long texts fit; the narrative page and imports set their own, larger limits.
        app.routes.defaultMaxBodySize = ByteCount(value: TextLimits.formBytes(fields: 4))
        try await Store.migrate(app)
        try Routes.register(on: app)
    }

    struct SettingsKey: StorageKey {
        typealias Value = WebSettings
    }
}

extension Application {
    /// The web settings the app was configured with.
    var webSettings: WebSettings { storage[JixiaoApp.SettingsKey.self] ?? WebSettings() }
}
