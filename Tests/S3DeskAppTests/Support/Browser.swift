import Foundation
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// A web visitor: keeps the cookies it is given (the session's, and before sign-in the CSRF
/// token's) and reads the CSRF token from forms, as a browser does.
struct Browser {
    let app: Application
    /// Over a real TCP connection to a running server, where a body arrives in pieces as from
    /// a browser; otherwise in memory, where it arrives whole.
    let live: Bool
    /// The cookies set on this browser, by name.
    var cookies: [String: String] = [:]
    /// The language the switcher chose in this browser, sent beside the session cookie.
    var language: String?

    init(app: Application, live: Bool = false) {
        self.app = app
        self.live = live
    }

    /// GETs a page; returns the response.
    mutating func get(_ path: String) async throws -> Response {
        let request = TestingHTTPRequest(method: .GET, url: URI(string: path), headers: headers(), body: ByteBuffer())
        return try await perform(request)
    }

    /// GETs a page that must answer 200 and returns its HTML: a check for what a page does not
    /// show passes only on the page itself, not on an error page.
    mutating func page(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await get(path)
        #expect(response.status == .ok, "GET \(path): \(response.status)", sourceLocation: sourceLocation)
        return response.body.string
    }

    /// POSTs a form; with `csrfFrom`, the CSRF token is first read from that page, as a browser would have it.
    mutating func post(_ path: String, form: [String: String], csrfFrom formPage: String? = nil) async throws -> Response {
        try await post(path, fields: form.map { ($0.key, $0.value) }, csrfFrom: formPage)
    }

    /// POSTs fields in order, names repeated as a browser repeats them (`topics[]`, check boxes).
    mutating func post(_ path: String, fields: [(String, String)], csrfFrom formPage: String? = nil) async throws -> Response {
        var fields = fields
        if let formPage {
            let page = try await get(formPage)
            fields.append(("_csrf", try #require(Browser.csrfToken(in: page.body.string))))
        }
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let body = fields.map { Browser.formEncoded($0.0) + "=" + Browser.formEncoded($0.1) }.joined(separator: "&")
        return try await perform(TestingHTTPRequest(method: .POST, url: URI(string: path), headers: headers,
                                                    body: ByteBuffer(string: body)))
    }

    /// POSTs a form with a file, as multipart/form-data, the CSRF token read from `formPage`.
    mutating func upload(_ path: String, fields: [(String, String)], file: (name: String, bytes: [UInt8])?, csrfFrom formPage: String) async throws -> Response {
        let page = try await get(formPage)
        let (contentType, body) = MultipartBody.encode(fields: [("_csrf", try #require(Browser.csrfToken(in: page.body.string)))] + fields, file: file)
        var headers = headers()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        return try await perform(TestingHTTPRequest(method: .POST, url: URI(string: path), headers: headers, body: body))
    }

    /// The same POST with a file but no CSRF token, as a forged cross-site form would send it.
    mutating func uploadWithoutToken(_ path: String, file: (name: String, bytes: [UInt8])) async throws -> Response {
        let (contentType, body) = MultipartBody.encode(fields: [], file: file)
        var headers = headers()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        return try await perform(TestingHTTPRequest(method: .POST, url: URI(string: path), headers: headers, body: body))
    }

    /// What came back: the status, the headers, the body.
    struct Response {
        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: ByteBuffer
    }

    private mutating func perform(_ request: TestingHTTPRequest) async throws -> Response {
        let response: Response
        if live {
            response = try await overTCP(request)
        } else {
            let tested = try await app.testing().performTest(request: request)
            response = Response(status: tested.status, headers: tested.headers, body: tested.body)
        }
        remember(response)
        return response
    }

    /// VaporTesting's running mode follows redirects, which loses the cookie a sign-in sets:
    /// this client does not, as a browser's fetch of a 303 keeps its Set-Cookie.
    private func overTCP(_ request: TestingHTTPRequest) async throws -> Response {
        if app.http.server.shared.localAddress == nil {
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        }
        let port = try #require(app.http.server.shared.localAddress?.port)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            let url = "http://127.0.0.1:\(port)\(request.url.path)" + (request.url.query.map { "?\($0)" } ?? "")
            let sent = try HTTPClient.Request(url: url, method: request.method, headers: request.headers, body: .byteBuffer(request.body))
            let response = try await client.execute(request: sent).get()
            try await client.shutdown()
            return Response(status: response.status, headers: response.headers, body: response.body ?? ByteBuffer())
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// `application/x-www-form-urlencoded` as browsers write it.
    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(.init(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "*-._ ")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: " ", with: "+")
    }

    /// A visitor signed in as `user` through the sign-in form.
    static func signedIn(_ app: Application, _ user: User) async throws -> Browser {
        var browser = Browser(app: app)
        try await browser.signIn(user.email)
        return browser
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
        var sent = cookies
        if let language { sent[LanguageChoice.cookie] = language }
        if !sent.isEmpty { headers.add(name: .cookie, value: sent.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        return headers
    }

    private mutating func remember(_ response: Response) {
        guard let set = response.headers.setCookie else { return }
        for (name, value) in set.all {
            cookies[name] = value.string.isEmpty || value.expires.map { $0 < Date() } == true ? nil : value.string
        }
    }
}
