import Vapor

/// Synchroniser-token protection for every form: a random token lives in the session and each
/// form posts it back in `_csrf`. SameSite cookies alone do not cover older browsers or
/// same-site subdomains, hence the token.
enum CSRF {
    static let field = "_csrf"
    private static let sessionKey = "csrf"

    /// The session's token, created on first use.
    static func token(for request: Request) -> String {
        if let token = request.session.data[sessionKey] { return token }
        let token = [UInt8].random(count: 32).base64URLEncoded
        request.session.data[sessionKey] = token
        return token
    }

    /// Checks the posted token against the session's in constant time.
    static func verify(_ request: Request) throws {
        // A form with a file is read by `MultipartForm`, fast enough for 20 MB, and only once.
        let posted = request.headers.contentType?.type == "multipart"
            ? (try? MultipartForm.of(request).text(field)) ?? ""
            : (try? request.content.get(String.self, at: field)) ?? ""
        guard let expected = request.session.data[sessionKey],
              Array(posted.utf8).constantTimeEquals(Array(expected.utf8))
        else {
            throw AppError(status: .forbidden, code: "csrf_failed",
                           message: "this form has expired (after a sign-out or a long pause). Go back and copy what you typed, reload the page, paste it and send it again.")
        }
    }
}

/// Refuses any state-changing web request that does not carry the session's CSRF token.
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
        return try await next.respond(to: request)
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
