import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Web sessions end after a pause and after a day's use")
struct SessionLifetimeTests {
    private func at(_ app: Application, minutes: Double) {
        app.clock = AppClock(pinnedAt: testNow.addingTimeInterval(minutes * 60))
    }

    @Test("30 minutes without a request end the session; a request before then keeps it", arguments: TestDatabase.all)
    func idle(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var browser = try await Browser.signedIn(app, user)
            at(app, minutes: 29)
            _ = try await browser.page("/account")
            at(app, minutes: 58)
            _ = try await browser.page("/account")
            at(app, minutes: 58 + 31)
            let over = try await browser.get("/account")
            #expect(over.status == .seeOther && over.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test("12 hours after signing in the session ends, however busy", arguments: TestDatabase.all)
    func absolute(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var browser = try await Browser.signedIn(app, try await app.makeUser(.commission))
            for minutes in stride(from: 25.0, through: 12 * 60, by: 25) {
                at(app, minutes: minutes)
                #expect(try await browser.get("/account").status == .ok, "\(minutes) minutes in")
            }
            at(app, minutes: 12 * 60 + 1)
            #expect(try await browser.get("/account").status == .seeOther)
        }
    }

    @Test("a session row from before lifetimes signs nobody in; the cleanup job clears ended sessions only", arguments: TestDatabase.all)
    func cleanup(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var old = try await Browser.signedIn(app, user)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE _fluent_sessions SET created_at = NULL, seen_at = NULL").run()
            #expect(try await old.get("/account").status == .seeOther, "a cookie from before signs no one in")

            at(app, minutes: 10)
            var current = try await Browser.signedIn(app, user)
            var visitor = Browser(app: app)
            _ = try await visitor.page("/login")
            #expect(try await StoredSession.query(on: app.db).count() == 2, "a visitor who only reads stores none")
            let reports = try await app.passTime(to: testNow.addingTimeInterval(20 * 60))
            #expect(reports.map(\.job) == ["session-cleanup"])
            #expect(try await StoredSession.query(on: app.db).count() == 1, "only the row from before went")
            _ = try await current.page("/account")

            // The next hour's run: one run an hour, whatever it finds.
            #expect(try await app.passTime(to: testNow.addingTimeInterval(50 * 60)).isEmpty)
            try await app.passTime(to: testNow.addingTimeInterval(61 * 60))
            #expect(try await StoredSession.query(on: app.db).count() == 0, "the idle one went too")
            #expect(try await current.get("/account").status == .seeOther)
        }
    }
}
