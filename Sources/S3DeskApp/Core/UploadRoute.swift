import Vapor

/// Routes that take files accept a larger body than the default; the limit is kept on the
/// route, so the CSRF check (which collects the body first) and the 413 message both use it.
extension RoutesBuilder {
    @discardableResult
    func upload(_ path: [PathComponent], limit: Int, use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable) -> Route {
        let route = grouped(SignedInBeforeUpload()).on(.POST, path, body: .collect(maxSize: ByteCount(value: limit)), use: closure)
        route.userInfo[Route.bodyLimitKey] = limit
        return route
    }
}

/// Refuses an anonymous upload before its body is collected: nobody holds 20 MB of the server's
/// memory without signing in first.
struct SignedInBeforeUpload: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try request.requireUser()
        return try await next.respond(to: request)
    }
}

extension Route {
    fileprivate static let bodyLimitKey = AnySendableHashable("S3Desk.bodyLimit")
}

extension Request {
    /// The limit of a route that takes files; nil for the others.
    var uploadLimit: Int? { route?.userInfo[Route.bodyLimitKey] as? Int }

    /// The most this route collects of a body.
    var bodyLimit: Int { uploadLimit ?? application.routes.defaultMaxBodySize.value }
}
