import Vapor

/// Sessions and cookie sign-in for the web pages only.
///
/// The JSON API authenticates by bearer token alone: were it to accept the session cookie, a
/// third-party page could make a signed-in browser call it (cross-site request forgery).
struct WebSessionMiddleware: AsyncMiddleware {
    let sessions: SessionsMiddleware
    let authenticator = User.sessionAuthenticator()

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            return try await next.respond(to: request)
        }
        let chain = [sessions, authenticator].makeResponder(chainingTo: next)
        return try await chain.respond(to: request).get()
    }
}

extension Array where Element == any Middleware {
    func makeResponder(chainingTo responder: any AsyncResponder) -> any Responder {
        reversed().reduce(responder as any Responder) { $1.makeResponder(chainingTo: $0) }
    }
}
