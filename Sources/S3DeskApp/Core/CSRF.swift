import Vapor

/// Synchroniser-token protection for every form: a random token lives in the session and each
/// form posts it back in `_csrf`. SameSite cookies alone do not cover older browsers or
/// same-site subdomains, hence the token. Before sign-in there is no session, and reading a
/// page must not make one (a row per anonymous visit): the token then lives in a cookie of its
/// own, which the form posts back (double submit). Over HTTPS its `__Host-` name keeps a
/// subdomain from planting one.
enum CSRF {
    static let field = "_csrf"
    private static let sessionKey = "csrf"

    static func cookieName(secure: Bool) -> String { secure ? "__Host-s3desk_csrf" : "s3desk_csrf" }

    private struct IssuedKey: StorageKey {
        typealias Value = String
    }

    /// The session's token, or without a session the cookie's, created on first use.
    static func token(for request: Request) -> String {
        if hasSession(request) {
            if let token = request.session.data[sessionKey] { return token }
            let token = freshToken()
            request.session.data[sessionKey] = token
            return token
        }
        if let issued = request.storage[IssuedKey.self] { return issued }
        if let cookie = cookieToken(of: request) { return cookie }
        let token = freshToken()
        request.storage[IssuedKey.self] = token
        return token
    }

    /// At sign-in, the session takes the token the browser's open forms carry, so they still
    /// send, and the session holds one from its first page (an error page included).
    static func carryOver(into request: Request) {
        guard request.session.data[sessionKey] == nil else { return }
        request.session.data[sessionKey] = cookieToken(of: request) ?? freshToken()
    }

    /// Checks the posted token in constant time against the session's, or the cookie's when
    /// the session holds none (before sign-in).
    static func verify(_ request: Request) throws {
        // A form with a file is read by `MultipartForm`, fast enough for 20 MB, and only once.
        let posted = request.headers.contentType?.type == "multipart"
            ? (try? MultipartForm.of(request).text(field)) ?? ""
            : (try? request.content.get(String.self, at: field)) ?? ""
        let expected = (hasSession(request) ? request.session.data[sessionKey] : nil)
            ?? request.cookies[cookieName(secure: request.application.usesSecureCookies)]?.string
        guard let expected, !expected.isEmpty, Array(posted.utf8).constantTimeEquals(Array(expected.utf8)) else {
            throw AppError(status: .forbidden, code: "csrf_failed",
                           message: "this form has expired (after a sign-out or a long pause). Go back and copy what you typed, reload the page, paste it and send it again.")
        }
    }

    /// The cookie of a token `token(for:)` issued to a request without a session; it lasts as
    /// long as the browser is open.
    static func issuedCookie(for request: Request) -> (name: String, value: HTTPCookies.Value)? {
        guard let token = request.storage[IssuedKey.self] else { return nil }
        let secure = request.application.usesSecureCookies
        return (cookieName(secure: secure), HTTPCookies.Value(string: token, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax))
    }

    /// A session read from its cookie or holding data; not the empty one Vapor starts for a
    /// cookie whose session has ended (`NoEmptySessions` drops it).
    private static func hasSession(_ request: Request) -> Bool {
        request.hasSession && (request.session.id != nil || !request.session.data.snapshot.isEmpty)
    }

    /// The browser's token cookie, when it holds one of ours (32 random bytes, 43 characters).
    private static func cookieToken(of request: Request) -> String? {
        guard let value = request.cookies[cookieName(secure: request.application.usesSecureCookies)]?.string, value.count == 43 else { return nil }
        return value
    }

    private static func freshToken() -> String {
        [UInt8].random(count: 32).base64URLEncoded
    }
}

/// Refuses any state-changing web request that does not carry the session's CSRF token, and
/// hands a sessionless reader the cookie of the token its page's forms carry.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            // Middleware runs before the route collects the body, so a form past the first
            // chunk read from the connection would have no `_csrf` yet: collect it here, under
            // the same limit the route applies (past it, a 413 page says what happened).
            if request.uploadLimit != nil { _ = try request.requireUser() }
            _ = try await request.body.collect(max: request.bodyLimit).get()
            try CSRF.verify(request)
        }
        let response = try await next.respond(to: request)
        if let cookie = CSRF.issuedCookie(for: request) { response.cookies[cookie.name] = cookie.value }
        return response
    }
}

extension Array where Element == UInt8 {
    var base64URLEncoded: String {
        Data(self).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    func constantTimeEquals(_ other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        return zip(self, other).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
