import Foundation
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("describes exactly the routes that exist: none missing, none invented", arguments: TestDatabase.all.prefix(1))
    func matchesRoutes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect(json["openapi"] as? String == "3.1.0")
            let paths = try #require(json["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations -> [String] in
                // `{id}.ics` is served by the `{id}` route: a Vapor path parameter is a whole component.
                let served = path.hasSuffix("}.ics") ? String(path.dropLast(".ics".count)) : path
                return operations.keys.map { "\($0.uppercased()) \(served)" }
            })

            let registered = Set(app.routes.all.compactMap { route -> String? in
                guard route.userInfo[MethodNotAllowed.userInfoKey] == nil else { return nil }
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/") || path == "/health" else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but missing: \(documented.subtracting(registered).sorted())")
            #expect(registered.count >= 12)
        }
    }
}
