import Foundation
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// A signed-in web visitor: keeps the session cookie and reads the CSRF token from forms,
/// as a browser does.
struct Browser {
    let app: Application
    var cookie: String?

    init(app: Application) {
        self.app = app
    }

    /// GETs a page; returns the response.
    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        let request = TestingHTTPRequest(method: .GET, url: URI(string: path), headers: headers(), body: ByteBuffer())
        let response = try await app.testing().performTest(request: request)
        remember(response)
        return response
    }

    /// POSTs a form; with `csrfFrom`, the CSRF token is first read from that page, as a browser would have it.
    mutating func post(_ path: String, form: [String: String], csrfFrom formPage: String? = nil) async throws -> TestingHTTPResponse {
        var fields = form
        if let formPage {
            let page = try await get(formPage)
            let token = try #require(Browser.csrfToken(in: page.body.string))
            fields["_csrf"] = token
        }
        var request = TestingHTTPRequest(method: .POST, url: URI(string: path), headers: headers(), body: ByteBuffer())
        try request.content.encode(fields, as: .urlEncodedForm)
        let response = try await app.testing().performTest(request: request)
        remember(response)
        return response
    }

    /// Signs in through the sign-in form.
    mutating func signIn(_ email: String, password: String = Application.testPassword) async throws {
        let response = try await post("/login", form: ["email": email, "password": password], csrfFrom: "/login")
        #expect(response.status == .seeOther, "sign-in should redirect")
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        return html[range].split(separator: "\"")[3].description
    }

    private func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return headers
    }

    private mutating func remember(_ response: TestingHTTPResponse) {
        guard let setCookie = response.headers.setCookie?["s3desk_session"] else { return }
        cookie = setCookie.string.isEmpty ? nil : "s3desk_session=\(setCookie.string)"
    }
}
