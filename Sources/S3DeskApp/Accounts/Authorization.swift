import S3DeskDomain
import Vapor

/// Route-level checks, one line each in a handler: `let user = try req.require(.manageCalls)`.
extension Request {
    /// The signed-in user, or 401 (the API) / a redirect to sign in (the web).
    func requireUser() throws -> User {
        guard let user = auth.get(User.self) else { throw AppError.unauthenticated }
        return user
    }

    /// The signed-in user when their role has `capability`; 401 when nobody is signed in, 403 otherwise.
    @discardableResult
    func require(_ capability: Capability) throws -> User {
        let user = try requireUser()
        guard user.role.may(capability) else { throw AppError.forbidden }
        return user
    }
}

/// Guards a whole group of routes with a capability.
struct CapabilityGuard: AsyncMiddleware {
    let capability: Capability

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try request.require(capability)
        return try await next.respond(to: request)
    }
}
