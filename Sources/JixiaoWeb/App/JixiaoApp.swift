import Fluent
import JixiaoIO
import JixiaoStore
import Vapor

/// Settings of the web application beyond the database.
public struct WebSettings: Sendable {
    /// bcrypt's cost for passwords set through the app (tests lower it).
    public var bcryptCost: Int
    /// Whether session cookies are sent over HTTPS only (behind a TLS-terminating proxy in production).
    public var secureCookies: Bool

    public init(bcryptCost: Int = 12, secureCookies: Bool = false) {
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }
}

/// Composes the application: store, sessions in the database (so app servers stay stateless), routes.
public enum JixiaoApp {
    public static func configure(_ app: Application, location: StoreLocation, settings: WebSettings = WebSettings())
        async throws {
        try Store.configure(app, location: location)
        app.storage[SettingsKey.self] = settings
        app.sessions.use(.fluent)
        app.sessions.configuration.cookieName = "jixiao-session"
        app.sessions.configuration.cookieFactory = { id in
            HTTPCookies.Value(string: id.string, expires: Date().addingTimeInterval(SessionKeys.lifetime), path: "/",
                              isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        app.middleware.use(app.sessions.middleware)
        app.middleware.use(PageErrorMiddleware())
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
