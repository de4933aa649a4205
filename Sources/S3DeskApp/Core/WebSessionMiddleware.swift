import Fluent
import Vapor

/// Sessions and cookie sign-in for the web pages only.
///
/// The JSON API authenticates by bearer token alone: were it to accept the session cookie, a
/// third-party page could make a signed-in browser call it (cross-site request forgery).
struct WebSessionMiddleware: AsyncMiddleware {
    let sessions: SessionsMiddleware
    let authenticator = ActiveAccountSessions()

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            return try await next.respond(to: request)
        }
        let chain = [sessions, authenticator].makeResponder(chainingTo: next)
        return try await chain.respond(to: request).get()
    }
}

/// Signs a page request in from its session, unless the account was deactivated or its
/// password changed since the session began: either takes effect on the next click, on every server.
struct ActiveAccountSessions: AsyncSessionAuthenticator {
    typealias User = S3DeskApp.User

    func authenticate(sessionID: UUID, for request: Request) async throws {
        guard let user = try await User.query(on: request.db).filter(\.$id == sessionID).filter(\.$deactivatedAt == nil).first(),
              WebSessions.generation(of: request.session) == user.sessionGeneration ?? 0 else { return }
        request.auth.login(user)
    }
}

/// What a signed-in session carries besides the person's id.
enum WebSessions {
    private static let key = "generation"

    /// Signs `user` in on this session, as of the account's current generation of sessions.
    static func signIn(_ user: User, on request: Request) {
        request.auth.login(user)
        request.session.data[key] = String(user.sessionGeneration ?? 0)
    }

    static func generation(of session: Session) -> Int {
        session.data[key].flatMap(Int.init) ?? 0
    }
}

extension Array where Element == any Middleware {
    func makeResponder(chainingTo responder: any AsyncResponder) -> any Responder {
        reversed().reduce(responder as any Responder) { $1.makeResponder(chainingTo: $0) }
    }
}
