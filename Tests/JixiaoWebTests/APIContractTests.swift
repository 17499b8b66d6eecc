import Foundation
import JixiaoIO
import Testing
import Vapor
import VaporTesting
@testable import JixiaoWeb

/// The OpenAPI document and the routes are one contract: every API route is documented, every documented
/// operation exists, and the statuses the server gives are documented.
extension DatabaseTests {
@Suite struct APIContractTests {
    /// `GET /api/v1/years/{code}/{year}` style names of the registered API routes.
    static func registered(_ app: Application) -> Set<String> {
        Set(app.routes.all.compactMap { route -> String? in
            let parts = route.path.map { component -> String in
                switch component {
                case .constant(let text): text
                case .parameter(let name): "{\(name)}"
                case .anything: "*"
                case .catchall: "**"
                }
            }
            guard parts.starts(with: ["api", "v1"]), parts != ["api", "v1", "openapi.json"] else { return nil }
            return "\(route.method.rawValue) /" + parts.joined(separator: "/")
        })
    }

    static func document(_ app: Application) async throws -> JSONValue {
        var document = JSONValue.null
        try await app.testing().test(.GET, "/api/v1/openapi.json") { response in
            document = try JSONParser.parse(Data(response.body.string.utf8))
        }
        return document
    }

    static func operations(_ document: JSONValue) -> [(name: String, operation: JSONValue)] {
        guard case .object(let paths)? = document["paths"] else { return [] }
        return paths.flatMap { path -> [(name: String, operation: JSONValue)] in
            guard case .object(let methods) = path.value else { return [] }
            return methods.filter { ["get", "post", "put", "delete"].contains($0.key) }
                .map { ("\($0.key.uppercased()) \(path.key)", $0.value) }
        }
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationExists() async throws {
        try await TestStore.withApp { app in
            let documented = Set(Self.operations(try await Self.document(app)).map(\.name))
            let registered = Self.registered(app)
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented))")
            #expect(documented.subtracting(registered).isEmpty, "not served: \(documented.subtracting(registered))")
            #expect(registered.count >= 22)
        }
    }

    @Test func theStatusesTheServerGivesAreDocumented() async throws {
        try await TestStore.withApp { app in
            for (name, operation) in Self.operations(try await Self.document(app)) {
                guard case .object(let responses)? = operation["responses"] else {
                    Issue.record("\(name) has no responses")
                    continue
                }
                let statuses = Set(responses.map(\.key))
                var expected: Set<String> = ["401"]
                if name.contains("{code}") { expected.formUnion(["403", "404"]) }
                if operation["requestBody"] != nil { expected.formUnion(["400", "413", "415", "422"]) }
                #expect(expected.isSubset(of: statuses), "\(name): missing \(expected.subtracting(statuses))")
            }
        }
    }

    @Test func theServerAnswersTheDocumentedRefusals() async throws {
        try await TestStore.withApp { app in
            try await TestStore.seed(app)
            var browser = Browser()
            #expect(try await browser.signIn(app, username: "preparer") == .seeOther)
            var token = ""
            try await browser.get(app, "/api/v1/session") { response in
                token = (try? JSONParser.parse(Data(response.body.string.utf8)))?["csrfToken"]?.string ?? ""
            }
            let path = "/api/v1/years/440112-KX/2022/payments"
            let port = Int.random(in: 40_000...60_000)
            let server = try app.testing(method: .running(hostname: "127.0.0.1", port: port))
            let tooLong = #"{"sections":{"performance":""# + String(repeating: "字", count: 20_001) + #""}}"#
            for (method, target, type, body, status) in [
                (HTTPMethod.POST, path, nil, "{}", HTTPResponseStatus.unsupportedMediaType),
                (.POST, path, "application/json", "{not json", .badRequest),
                (.POST, path, "application/json", String(repeating: "x", count: 2_000_000), .payloadTooLarge),
                (.PUT, "/api/v1/years/440112-KX/2022/narrative", "application/json", tooLong, .unprocessableEntity),
            ] {
                var headers = browser.headers
                headers.add(name: "X-CSRF-Token", value: token)
                if let type { headers.add(name: .contentType, value: type) }
                try await server.test(method, target, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(type ?? "no type") \(body.prefix(10))")
                    #expect(response.headers.contentType == .json)
                }
            }
        }
    }
}
}
