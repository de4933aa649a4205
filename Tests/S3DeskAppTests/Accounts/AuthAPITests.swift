import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("API tokens and the current user")
struct AuthAPITests {
    struct Credentials: Content {
        let email: String
        let password: String
    }

    private func requestToken(_ app: Application, _ email: String, _ password: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "/api/v1/auth/token") { req in
            try req.content.encode(Credentials(email: email, password: password))
        }
    }

    @Test("a token is issued for the right password, stored hashed, and opens /me", arguments: TestDatabase.all)
    func issue(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.commission, email: "ana@example.eu", name: "Ana")
            let response = try await requestToken(app, " Ana@Example.EU ", Application.testPassword)
            #expect(response.status == .ok)
            let body = try response.content.decode(AuthAPIController.TokenResponse.self)
            #expect(body.user.role == .commission)
            #expect(body.expiresAt == "2026-03-01T22:00:00.000Z")
            let stored = try await APIToken.query(on: app.db).all()
            #expect(stored.map(\.tokenHash) == [APIToken.hash(body.token)])
            #expect(stored[0].tokenHash != body.token)

            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(body.token))
            #expect(try me.content.decode(UserDTO.self).id == user.id)
            #expect(!me.body.string.contains("password"))
        }
    }

    @Test("a wrong password or unknown address is a 401 that does not say which", arguments: TestDatabase.all)
    func wrongCredentials(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await app.makeUser(.secretariat, email: "sam@example.eu")
            let wrong = try await requestToken(app, "sam@example.eu", "not the password")
            let unknown = try await requestToken(app, "nobody@example.eu", Application.testPassword)
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(try wrong.content.decode(ErrorBody.self).error.message == unknown.content.decode(ErrorBody.self).error.message)
        }
    }

    @Test("/me without a token, with an unknown or an expired one, is a 401", arguments: TestDatabase.all)
    func meRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer("nope")).status == .unauthorized)
            let user = try await app.makeUser(.admin)
            let (token, clear) = try APIToken.issue(for: user, at: testNow.addingTimeInterval(-APIToken.lifetime - 1))
            try await token.create(on: app.db)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(clear)).status == .unauthorized)
        }
    }

    @Test("a session cookie does not sign in API requests", arguments: TestDatabase.all)
    func cookieIgnoredByAPI(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            try await browser.signIn(user.email)
            let cookie = "s3desk_session=" + (try #require(browser.cookies["s3desk_session"]))
            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Cookie": cookie])
            #expect(me.status == .unauthorized)
        }
    }

    @Test("after five failures for an address, sign-in is refused with Retry-After, for seconds only", arguments: TestDatabase.all)
    func throttled(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Real time stands still here: a loaded machine taking five seconds over the five
            // failures would otherwise see the wait over before it is asked about.
            let frozen = Date(timeIntervalSince1970: 1_800_000_000)
            app.loginThrottle = LoginThrottle(elapsed: { frozen })
            try await app.makeUser(.secretariat, email: "sam@example.eu")
            for _ in 1...LoginThrottle.Limit.signInAddress.freeAttempts {
                #expect(try await requestToken(app, "sam@example.eu", "guess guess guess").status == .unauthorized)
            }
            let blocked = try await requestToken(app, "sam@example.eu", Application.testPassword)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers.first(name: "Retry-After") == "5", "5 seconds from the last failure")
            #expect(try blocked.content.decode(ErrorBody.self).error.code == "too_many_attempts")
            // Another address is not affected.
            try await app.makeUser(.secretariat, email: "kim@example.eu")
            #expect(try await requestToken(app, "kim@example.eu", Application.testPassword).status == .ok)
        }
    }

    @Test("guessing over many addresses from one client meets the client's limit, right password or not", arguments: TestDatabase.all)
    func throttledByClient(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await app.makeUser(.secretariat, email: "kim@example.eu")
            for index in 1...LoginThrottle.Limit.signInClient.freeAttempts {
                #expect(try await requestToken(app, "nobody\(index)@example.eu", "guess guess guess").status == .unauthorized)
            }
            let blocked = try await requestToken(app, "kim@example.eu", Application.testPassword)
            #expect(blocked.status == .tooManyRequests)
            #expect(try blocked.content.decode(ErrorBody.self).error.message.contains("from your connection"))
        }
    }

    @Test("reset emails are limited per address and per client, the same whether or not the address has an account", arguments: TestDatabase.all)
    func resetLimits(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await app.makeUser(.secretariat, email: "kim@example.eu")
            func reset(_ email: String) async throws -> HTTPStatus {
                try await app.testing().sendRequest(.POST, "/api/v1/accounts/password-reset") { try $0.content.encode(["email": email]) }.status
            }
            for email in ["kim@example.eu", "nobody@example.eu"] {
                for _ in 1...LoginThrottle.Limit.resetAddress.freeAttempts { #expect(try await reset(email) == .accepted) }
                #expect(try await reset(email) == .tooManyRequests, "\(email)")
            }
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .passwordReset).count() == LoginThrottle.Limit.resetAddress.freeAttempts)
            let free = LoginThrottle.Limit.accountEmailsClient.freeAttempts - 2 * LoginThrottle.Limit.resetAddress.freeAttempts
            for index in 1...free { #expect(try await reset("other\(index)@example.eu") == .accepted) }
            #expect(try await reset("yet-another@example.eu") == .tooManyRequests, "the client's limit")
        }
    }
}

@Suite("Login throttle")
struct LoginThrottleTests {
    final class FakeTime: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_000_000)
    }

    @Test("the wait doubles with each event past the free ones, up to the limit's longest, counted from the last")
    func doubling() {
        let last = Date(timeIntervalSince1970: 1_000_000)
        let address = LoginThrottle.Limit.signInAddress
        let free = address.freeAttempts
        #expect(LoginThrottle.wait(afterFailures: free - 1, lastFailure: last, now: last, limit: address) == nil)
        #expect(LoginThrottle.wait(afterFailures: free, lastFailure: last, now: last, limit: address) == 5)
        #expect(LoginThrottle.wait(afterFailures: free, lastFailure: last, now: last.addingTimeInterval(2), limit: address) == 3)
        #expect(LoginThrottle.wait(afterFailures: free + 1, lastFailure: last, now: last, limit: address) == 10)
        #expect(LoginThrottle.wait(afterFailures: free + 30, lastFailure: last, now: last, limit: address) == 60,
                "someone else's guessing keeps the owner out a minute at most")
        let client = LoginThrottle.Limit.signInClient
        #expect(LoginThrottle.wait(afterFailures: client.freeAttempts + 11, lastFailure: last, now: last, limit: client) == 900)
        #expect(LoginThrottle.wait(afterFailures: client.freeAttempts + 11, lastFailure: last, now: last.addingTimeInterval(900), limit: client) == nil)
    }

    @Test("events are counted by the database: simultaneous ones all count, a second server sees them, a success or a quiet spell forgets them",
          arguments: TestDatabase.all)
    func shared(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let time = FakeTime()
            let throttle = LoginThrottle(elapsed: { time.now })
            let limit = LoginThrottle.Limit.signInClient
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 1...limit.freeAttempts { group.addTask { try await throttle.record("a", limit, on: app.db) } }
                try await group.waitForAll()
            }
            #expect(try await RateLimitRecord.find(limit.key("a"), on: app.db)?.failures == limit.freeAttempts)
            #expect(try await throttle.wait(for: "a", limit, on: app.db) == 30)
            #expect(try await throttle.wait(for: "a", .signInAddress, on: app.db) == nil, "each limit counts its own")
            #expect(try await throttle.wait(for: "b", limit, on: app.db) == nil)
            if database == .postgres {
                try await withSecondServer(of: app) { second in
                    let wait = try await LoginThrottle(elapsed: { time.now }).wait(for: "a", limit, on: second.db)
                    #expect(wait == 30)
                }
            }
            try await throttle.forget("a", limit, on: app.db)
            #expect(try await throttle.wait(for: "a", limit, on: app.db) == nil)
            for _ in 1...limit.freeAttempts + 3 { try await throttle.record("a", limit, on: app.db) }
            #expect(try await throttle.wait(for: "a", limit, on: app.db) == 240)
            time.now.addTimeInterval(limit.forgiveAfter + 1)
            #expect(try await throttle.wait(for: "a", limit, on: app.db) == nil)
            try await throttle.record("a", limit, on: app.db)
            #expect(try await RateLimitRecord.find(limit.key("a"), on: app.db)?.failures == 1)
        }
    }
}
