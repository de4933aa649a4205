import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Errors, headers and operations")
struct ErrorsAndOperationsTests {
    @Test("API errors use the JSON error shape; pages get a readable HTML page", arguments: TestDatabase.all)
    func errorShapes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let api = try await app.testing().sendRequest(.GET, "/api/v1/nothing-here")
            #expect(api.status == .notFound)
            #expect(try api.content.decode(ErrorBody.self).error.code == "not_found")
            let page = try await app.testing().sendRequest(.GET, "/nothing-here")
            #expect(page.status == .notFound)
            #expect(page.headers.contentType == .html)
            #expect(page.body.string.contains("<h1>Page not found</h1>"))
        }
    }

    @Test("a known path with another method is a 405 listing the allowed ones", arguments: TestDatabase.all)
    func methodNotAllowed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let response = try await app.testing().sendRequest(.DELETE, "/api/v1/calls")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers.first(name: "Allow") == "GET, POST")
            #expect(try response.content.decode(ErrorBody.self).error.code == "method_not_allowed")
        }
    }

    @Test("/health answers once the database does", arguments: TestDatabase.all)
    func health(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let response = try await app.testing().sendRequest(.GET, "/health")
            #expect(response.status == .ok)
            #expect(response.body.string == #"{"status":"ok"}"#)
        }
    }

    @Test("pages carry security headers; the CSRF and session cookies are HttpOnly and SameSite", arguments: TestDatabase.all)
    func headersAndCookie(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var browser = Browser(app: app)
            let login = try await browser.get("/login")
            #expect(login.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(login.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(login.headers.setCookie?["s3desk_session"] == nil, "reading a page stores no session")
            let token = try #require(login.headers.setCookie?["s3desk_csrf"])
            #expect(token.isHTTPOnly && token.sameSite == .lax && token.path == "/")
            #expect(login.body.string.contains("value=\"\(token.string)\""), "the form carries the cookie's token")
            let again = try await browser.get("/register")
            #expect(again.headers.setCookie?["s3desk_csrf"] == nil, "the browser keeps its token")
            let user = try await app.makeUser(.applicant)
            let signIn = try await browser.post("/login", form: ["email": user.email, "password": Application.testPassword], csrfFrom: "/login")
            let cookie = try #require(signIn.headers.setCookie?["s3desk_session"])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            var forger = Browser(app: app)
            forger.cookies["s3desk_csrf"] = token.string
            let forged = try await forger.post("/login", form: ["email": user.email, "password": Application.testPassword, "_csrf": String(repeating: "A", count: 43)])
            #expect(forged.status == .forbidden, "a token that is not the cookie's is refused")
            var stranger = Browser(app: app)
            let noCookie = try await stranger.post("/login", form: ["email": user.email, "password": Application.testPassword, "_csrf": token.string])
            #expect(noCookie.status == .forbidden, "a token without its cookie (a forged cross-site form) is refused")
            #expect(CSRF.cookieName(secure: true) == "__Host-s3desk_csrf", "over HTTPS no subdomain can plant it")
            #expect(login.headers.first(name: .cacheControl) == nil, "a public page may be cached")
            #expect(login.headers.first(name: "Strict-Transport-Security") == nil, "plain HTTP in development and tests")
        }
    }

    @Test("what answers a signed-in person or hands out a token is never stored by a cache", arguments: TestDatabase.all)
    func noStore(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            let token = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": user.email, "password": Application.testPassword])
            }
            #expect(token.headers.first(name: .cacheControl) == "no-store")
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": user.email, "password": "not the right one"])
            }
            #expect(refused.headers.first(name: .cacheControl) == "no-store")
            let outbox = try await app.testing().sendRequest(.GET, "/api/v1/outbox", headers: .bearer(try await app.token(for: user)))
            #expect(outbox.status == .ok && outbox.headers.first(name: .cacheControl) == "no-store")
            var browser = try await Browser.signedIn(app, user)
            #expect(try await browser.get("/staff/outbox").headers.first(name: .cacheControl) == "no-store")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/regions?country=PL").headers.first(name: .cacheControl) == nil)
        }
    }

    @Test("reading the sign-in page stores no session, only a CSRF cookie; signing in makes one; signing out ends it",
          arguments: TestDatabase.all)
    func sessionLifecycle(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            for page in ["/login", "/register", "/", "/login"] { _ = try await browser.get(page) }
            #expect(try await StoredSession.query(on: app.db).count() == 0)
            #expect(browser.cookies["s3desk_session"] == nil && browser.cookies["s3desk_csrf"]?.count == 43)
            // A cookie of a session that has ended (after a pause, or made up) stores none either, and is expired.
            var stale = Browser(app: app)
            stale.cookies["s3desk_session"] = "a-session-that-ended"
            let read = try await stale.get("/login")
            #expect(try await StoredSession.query(on: app.db).count() == 0)
            #expect(read.headers.setCookie?["s3desk_session"]?.expires.map { $0 < Date() } == true && stale.cookies["s3desk_session"] == nil)
            #expect(try await stale.post("/login", form: ["email": user.email, "password": Application.testPassword], csrfFrom: "/login").status == .seeOther)
            #expect(try await StoredSession.query(on: app.db).count() == 1, "signing in makes the session")
            try await browser.signIn(user.email)
            #expect(browser.cookies["s3desk_session"] != nil)
            #expect(try await StoredSession.query(on: app.db).count() == 2)
            #expect(try await browser.get("/staff/calls").status == .ok)
            let out = try await browser.post("/logout", form: [:], csrfFrom: "/staff/calls")
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/staff/calls").status == .seeOther)
        }
    }

    @Test("a wrong password shows the form again with a message, not an error page", arguments: TestDatabase.all)
    func wrongPasswordPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            let response = try await browser.post("/login", form: ["email": user.email, "password": "wrong password!"],
                                                  csrfFrom: "/login")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("The email address or the password is not right"))
            #expect(response.body.string.contains(#"value="\#(user.email)""#))
        }
    }
}

@Suite("Settings from the environment")
struct AppSettingsTests {
    static let dataKey = Data(repeating: 7, count: 32).base64EncodedString()

    @Test("SQLite by default, PostgreSQL with DATABASE_URL")
    func database() throws {
        guard case .sqliteFile(let path) = try AppSettings.fromEnvironment(.development, variables: [:]).database else {
            Issue.record("expected SQLite"); return
        }
        #expect(path == "s3desk.sqlite")
        guard case .sqliteFile(let custom) = try AppSettings.fromEnvironment(.development, variables: ["S3DESK_SQLITE": "/tmp/x.db"]).database else {
            Issue.record("expected SQLite"); return
        }
        #expect(custom == "/tmp/x.db")
        guard case .postgres(let url) = try AppSettings.fromEnvironment(.production, variables: [
            "DATABASE_URL": "postgres://u:p@db/s3", "S3DESK_PUBLIC_URL": "https://s3desk.example.eu",
            "S3DESK_OPERATOR_NAME": "S3 secretariat", "S3DESK_CONTACT_EMAIL": "help@s3.example.eu", "S3DESK_DATA_KEY": Self.dataKey]).database else {
            Issue.record("expected PostgreSQL"); return
        }
        #expect(url == "postgres://u:p@db/s3")
        #expect(throws: ConfigurationError.self) {
            try AppSettings.fromEnvironment(.development, variables: ["DATABASE_URL": "mysql://db"])
        }
    }

    @Test("production refuses to start without its public address, or on SQLite it did not ask for")
    func productionFailsFast() throws {
        let complete = ["DATABASE_URL": "postgres://u:p@db/s3", "S3DESK_PUBLIC_URL": "https://s3desk.example.eu/",
                        "S3DESK_OPERATOR_NAME": "S3 secretariat", "S3DESK_CONTACT_EMAIL": "help@s3.example.eu", "S3DESK_DATA_KEY": Self.dataKey]
        #expect(try AppSettings.fromEnvironment(.production, variables: complete).publicURL == "https://s3desk.example.eu")
        #expect(try AppSettings.fromEnvironment(.production, variables: complete).dataKey == Array(repeating: 7, count: 32))
        var noKey = complete
        noKey["S3DESK_DATA_KEY"] = nil
        #expect { try AppSettings.fromEnvironment(.production, variables: noKey) } throws: { "\($0)".contains("S3DESK_DATA_KEY") }
        #expect(try AppSettings.fromEnvironment(.development, variables: [:]).dataKey == nil, "development runs on its fixed key")
        #expect { try AppSettings.fromEnvironment(.development, variables: ["S3DESK_DATA_KEY": "c2hvcnQ="]) } throws: {
            "\($0)".contains("32 random bytes in base64")
        }
        var noAddress = complete
        noAddress["S3DESK_PUBLIC_URL"] = nil
        #expect { try AppSettings.fromEnvironment(.production, variables: noAddress) } throws: {
            "\($0)".contains("S3DESK_PUBLIC_URL")
        }
        var noOperator = complete
        noOperator["S3DESK_CONTACT_EMAIL"] = nil
        #expect { try AppSettings.fromEnvironment(.production, variables: noOperator) } throws: {
            "\($0)".contains("S3DESK_CONTACT_EMAIL")
        }
        var noDatabase = complete
        noDatabase["DATABASE_URL"] = nil
        #expect { try AppSettings.fromEnvironment(.production, variables: noDatabase) } throws: {
            "\($0)".contains("DATABASE_URL") && "\($0)".contains("S3DESK_SQLITE")
        }
        noDatabase["S3DESK_SQLITE"] = "/var/lib/s3desk/s3desk.sqlite"
        guard case .sqliteFile(let path) = try AppSettings.fromEnvironment(.production, variables: noDatabase).database else {
            Issue.record("expected SQLite, chosen on purpose"); return
        }
        #expect(path == "/var/lib/s3desk/s3desk.sqlite")
        #expect(try AppSettings.fromEnvironment(.development, variables: [:]).publicURL == nil, "development follows the server's address")
    }

    @Test("S3DESK_NOW pins the clock, must be an instant, and is refused in production")
    func pinnedClock() throws {
        let settings = try AppSettings.fromEnvironment(.development, variables: ["S3DESK_NOW": "2026-03-31T21:59:59.999Z"])
        #expect(settings.pinnedNow.map(Instant.format) == "2026-03-31T21:59:59.999Z")
        #expect(AppClock(pinnedAt: settings.pinnedNow).now == settings.pinnedNow)
        #expect(throws: ConfigurationError.self) {
            try AppSettings.fromEnvironment(.development, variables: ["S3DESK_NOW": "tomorrow"])
        }
        #expect { try AppSettings.fromEnvironment(.production, variables: [
            "DATABASE_URL": "postgres://u:p@db/s3", "S3DESK_PUBLIC_URL": "https://s3desk.example.eu", "S3DESK_NOW": "2026-03-31T00:00:00Z"])
        } throws: { "\($0)".contains("S3DESK_NOW") }
    }
}
