import Vapor

/// Serves the OpenAPI 3.1 document of the JSON API, written by hand next to the code it
/// describes; a test keeps it and the registered routes identical.
struct OpenAPIController: RouteCollection {
    let document: String

    init(resources: ResourceFiles) throws {
        document = try resources.text("openapi.json")
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIURL.openAPI.pathComponents, use: serve)
    }

    @Sendable
    func serve(req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"],
                 body: .init(string: document))
    }
}
