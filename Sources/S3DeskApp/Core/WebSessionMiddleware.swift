import Fluent
import Vapor

/// Sessions and cookie sign-in for the web pages only.
///
/// The JSON API authenticates by bearer token alone: were it to accept the session cookie, a
/// third-party page could make a signed-in browser call it (cross-site request forgery).
struct WebSessionMiddleware: AsyncMiddleware {
    let sessions: SessionsMiddleware
    let authenticator = ActiveAccountSessions()
    let gate = SecondFactorGate()

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            return try await next.respond(to: request)
        }
        let chain = [sessions, NoEmptySessions(), authenticator, gate].makeResponder(chainingTo: next)
        return try await chain.respond(to: request).get()
    }
}

/// A cookie naming a session that has ended makes Vapor start a new, empty one, which it would
/// store: a row per stale cookie, on every visit after a pause. One still empty when the page
/// is done is dropped instead, and its cookie expired.
struct NoEmptySessions: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.hasSession, request.session.id == nil, request.session.data.snapshot.isEmpty { request.session.destroy() }
        return response
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
    private static let secondFactorKey = "second_factor"

    /// Signs `user` in on this session, as of the account's current generation of sessions;
    /// `secondFactor` says whether they gave one, nil keeps what the session knew.
    static func signIn(_ user: User, on request: Request, secondFactor: Bool? = nil) {
        request.auth.login(user)
        CSRF.carryOver(into: request)
        request.session.data[key] = String(user.sessionGeneration ?? 0)
        if let secondFactor { request.session.data[secondFactorKey] = secondFactor ? "1" : nil }
    }

    static func generation(of session: Session) -> Int {
        session.data[key].flatMap(Int.init) ?? 0
    }

    /// Gives the session a new identifier, keeping its data, so that a session id planted or
    /// seen before a sign-in (session fixation) is worthless after it.
    static func renewID(of request: Request) async throws {
        if let oldID = request.session.id {
            try await request.application.sessions.driver.deleteSession(oldID, for: request).get()
            request.session.id = nil
        }
    }

    static func passedSecondFactor(_ session: Session) -> Bool {
        session.data[secondFactorKey] == "1"
    }
}

/// Between the password and the code: whose password was right, when, and where to go after.
/// Kept in the session, which a successful code replaces with a fresh one.
enum PendingSignIn {
    private static let userKey = "pending_user"
    private static let sinceKey = "pending_since"
    private static let nextKey = "pending_next"
    /// Long enough to find the phone, short enough that a browser left open does not keep it.
    static let lifetime: TimeInterval = 5 * 60

    static func start(_ user: User, next: String?, on request: Request) throws {
        request.session.data[userKey] = try user.requireID().uuidString
        request.session.data[sinceKey] = String(Int(Date().timeIntervalSince1970))
        request.session.data[nextKey] = next
    }

    /// The person whose password was right within `lifetime`, and where they were going.
    static func current(on request: Request) -> (user: UUID, next: String?)? {
        guard let user = request.session.data[userKey].flatMap(UUID.init(uuidString:)),
              let since = request.session.data[sinceKey].flatMap(TimeInterval.init),
              Date().timeIntervalSince1970 - since <= lifetime else { return nil }
        return (user, request.session.data[nextKey])
    }

    static func end(on request: Request) {
        for key in [userKey, sinceKey, nextKey] { request.session.data[key] = nil }
    }
}

extension Array where Element == any Middleware {
    func makeResponder(chainingTo responder: any AsyncResponder) -> any Responder {
        reversed().reduce(responder as any Responder) { $1.makeResponder(chainingTo: $0) }
    }
}
