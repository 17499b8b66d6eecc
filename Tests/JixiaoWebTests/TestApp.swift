import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import JixiaoTestSupport
import JixiaoWeb
import Testing
import Vapor
import VaporTesting

/// Every test that uses the store, one at a time: on PostgreSQL they share one database, emptied before each test.
@Suite(.serialized) enum DatabaseTests {}

/// The store these tests run on: PostgreSQL when `DATABASE_URL` is set (scripts/test.sh does), else SQLite in memory.
enum TestStore {
    static var location: StoreLocation {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { return .postgres(url: url) }
        return .sqliteMemory
    }

    /// A configured app on an emptied store, with bcrypt at its cheapest so sign-ins stay quick.
    static func withApp(settings: WebSettings = WebSettings(bcryptCost: 4),
                        _ body: (Application) async throws -> Void) async throws {
        try await VaporTesting.withApp { app in
            app.logger.logLevel = .warning
            try await JixiaoApp.configure(app, location: location, settings: settings)
            try await app.autoRevert()
            try await Store.migrate(app)
            do {
                try await body(app)
            } catch {
                // PostgreSQL's errors say nothing unless reflected.
                Issue.record("\(String(reflecting: error))")
                throw error
            }
        }
    }

    /// The seed's year stored again as another district's association (440113-KX, 另一区科学技术协会), its text the
    /// seed's word for word: 文字雷同 between two departments. The copy as stored.
    static func storeCopyOfSeed(_ app: Application) async throws -> DepartmentYear {
        var copy = try BundleReader().read(Fixtures.seed)
        copy.department = Department(code: "440113-KX", name: "另一区科学技术协会", overview: "")
        try await YearRepository(database: app.db).store(copy, replacing: false, actor: "test")
        return copy
    }

    /// Meets the default policy (length, three classes, no user name).
    static let password = "Correct horse battery 9"

    /// The seed department and a second one, and a user per role (departmental ones in the seed department).
    static func seed(_ app: Application) async throws {
        let years = YearRepository(database: app.db)
        try await years.store(try BundleReader().read(Fixtures.seed), replacing: false, actor: "test")
        try await years.store(try BundleReader().read(Fixtures.example("demo-health-hubei-2023.json")),
                              replacing: false, actor: "test")
        let users = UserRepository(database: app.db, cost: 4)
        for role in Role.allCases {
            try await users.add(username: role.rawValue, displayName: role.chinese, password: password, role: role,
                                organisationCode: role.isDepartmental ? "440112-KX" : nil, mustChangePassword: false,
                                actor: "test")
        }
    }
}

/// A browser's state in tests: its cookies (session and device), the form token, and — for an app behind a proxy
/// — the address it comes from.
struct Browser {
    var cookies: [String: String] = [:]
    var csrf = ""
    var source: String?

    var cookie: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookie) }
        if let source { headers.add(name: .xForwardedFor, value: source) }
        return headers
    }

    /// Takes the cookies and the form token a response sets.
    mutating func keep(_ response: TestingHTTPResponse) {
        for name in ["jixiao-session", "jixiao-device"] {
            if let value = response.headers.setCookie?[name] { cookies[name] = value.string }
        }
        if let range = response.body.string.range(of: #"name="_csrf" value=""#) {
            csrf = String(response.body.string[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// Opens the sign-in page and signs in; returns the sign-in response's status.
    @discardableResult
    mutating func signIn(_ app: Application, username: String, password: String = TestStore.password) async throws
        -> HTTPResponseStatus {
        try await app.testing().test(.GET, "/login", headers: headers) { self.keep($0) }
        var status = HTTPResponseStatus.ok
        try await app.testing().test(.POST, "/login", headers: headers, beforeRequest: { request in
            try request.content.encode(["_csrf": csrf, "username": username, "password": password, "next": "/"],
                                       as: .urlEncodedForm)
        }, afterResponse: { response in
            status = response.status
            self.keep(response)
        })
        return status
    }

    /// A form POST with this browser's session and token; the status and the page returned.
    func post(_ app: Application, _ path: String, _ fields: [String: String]) async throws -> (HTTPResponseStatus, String) {
        var result = (HTTPResponseStatus.ok, "")
        try await app.testing().test(.POST, path, headers: headers, beforeRequest: { request in
            try request.content.encode(fields.merging(["_csrf": csrf]) { first, _ in first }, as: .urlEncodedForm)
        }, afterResponse: { response in
            result = (response.status, response.body.string)
        })
        return result
    }

    /// A form POST that keeps the cookies the answer sets (a sign-in step).
    mutating func submit(_ app: Application, _ path: String, _ fields: [String: String]) async throws
        -> HTTPResponseStatus {
        var status = HTTPResponseStatus.ok
        try await app.testing().test(.POST, path, headers: headers, beforeRequest: { request in
            try request.content.encode(fields.merging(["_csrf": csrf]) { first, _ in first }, as: .urlEncodedForm)
        }, afterResponse: { response in
            status = response.status
            self.keep(response)
        })
        return status
    }

    /// A multipart form POST with one file field (`file`), as a browser uploads: the status and the page returned.
    func upload(_ app: Application, _ path: String, fields: [String: String],
                file: (name: String, data: Data)) async throws -> (HTTPResponseStatus, String) {
        let boundary = "----jixiao-test-boundary"
        var body = Data()
        for (name, value) in fields.merging(["_csrf": csrf], uniquingKeysWith: { first, _ in first }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data(("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").utf8))
        body.append(file.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = self.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result = (HTTPResponseStatus.ok, "")
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { response in
            result = (response.status, response.body.string)
        }
        return result
    }

    /// A GET with this browser's session.
    func get(_ app: Application, _ path: String, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        try await app.testing().test(.GET, path, headers: headers, afterResponse: check)
    }
}

extension Browser {
    /// A JSON API call with this browser's session (and the CSRF token for changes): the status and the JSON answer.
    func api(_ app: Application, _ method: HTTPMethod, _ path: String, body: JSONValue? = nil,
             token: String? = nil) async throws -> (HTTPResponseStatus, JSONValue?) {
        var result: (HTTPResponseStatus, JSONValue?) = (.ok, nil)
        var headers = self.headers
        if let token { headers.add(name: "X-CSRF-Token", value: token) }
        try await app.testing().test(method, path, headers: headers, beforeRequest: { request in
            if let body {
                request.headers.contentType = .json
                request.body = ByteBuffer(string: body.serialized())
            }
        }, afterResponse: { response in
            result = (response.status, try? JSONParser.parse(Data(response.body.readableBytesView)))
            if response.status == .internalServerError { Issue.record("500: \(response.body.string)") }
        })
        return result
    }

    /// The session's CSRF token, as API clients get it.
    func apiToken(_ app: Application) async throws -> String {
        let (_, session) = try await api(app, .GET, "/api/v1/session")
        guard case .string(let token)? = session?["csrfToken"] else { return "" }
        return token
    }
}
