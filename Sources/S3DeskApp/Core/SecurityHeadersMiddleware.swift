import Vapor

/// Headers that keep pages from being framed, sniffed or made to load foreign scripts, from
/// being reached over plain HTTP once seen over HTTPS, and what belongs to one person from
/// being kept in a shared cache or the browser's history.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// Outside development and tests, where the service runs behind HTTPS.
    let strictTransport: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        var headers: [(String, String)] = [
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"),
        ]
        if strictTransport { headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains")) }
        // A bearer token asked for, anything answered to someone signed in, and a page opened
        // from a one-time link, whose token is in its address and its form.
        if request.auth.has(User.self) || request.headers[.authorization].isEmpty == false || request.url.path == APIURL.token
            || request.url.query?.contains("token=") == true {
            headers.append(("Cache-Control", "no-store"))
        }
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}
