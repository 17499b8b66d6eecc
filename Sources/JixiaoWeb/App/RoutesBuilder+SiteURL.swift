import Foundation
import Vapor

/// Routes registered from ``SiteURL``: `routes.get(.evaluation(code: .parameter, year: .parameter), use: show)`.
/// The values given are placeholders; only the case's path, with its parameters named, is registered.
extension RoutesBuilder {
    @discardableResult
    func get<Answer: AsyncResponseEncodable>(_ url: SiteURL,
                                             use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        on(.GET, url.pattern, use: handler)
    }

    @discardableResult
    func post<Answer: AsyncResponseEncodable>(_ url: SiteURL,
                                              use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        on(.POST, url.pattern, use: handler)
    }

    /// A POST whose body may be larger than the default (uploads, long texts).
    @discardableResult
    func post<Answer: AsyncResponseEncodable>(_ url: SiteURL, body: HTTPBodyStreamStrategy,
                                              use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        on(.POST, url.pattern, body: body, use: handler)
    }
}

/// A route parameter's placeholder in a ``SiteURL`` given to a route registration.
extension String {
    static let parameter = ""
}

extension Int {
    static let parameter = 0
}

extension UUID {
    static let parameter = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
