import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// Reading a page writes nothing: a session the request left as it was is not written back.
@Suite("Sessions written only when they change")
struct UnchangedSessionDriverTests {
    /// A store that counts its writes.
    final class CountingDriver: SessionDriver {
        let stored: SessionData
        let updates = NIOLockedValueBox(0)

        init(_ stored: SessionData) {
            self.stored = stored
        }

        func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
            request.eventLoop.makeSucceededFuture(SessionID(string: "new"))
        }

        func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
            request.eventLoop.makeSucceededFuture(stored)
        }

        func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
            updates.withLockedValue { $0 += 1 }
            return request.eventLoop.makeSucceededFuture(sessionID)
        }

        func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
            request.eventLoop.makeSucceededVoidFuture()
        }
    }

    @Test("unchanged data is not written; changed data is, once")
    func skipsUnchanged() async throws {
        let app = try await Application.make(.testing)
        do {
            let base = CountingDriver(SessionData(initialData: ["_UserSession": "id-1", "csrf": "token"]))
            let driver = UnchangedSessionDriver(base: base)
            let id = SessionID(string: "abc")

            let reading = Request(application: app, on: app.eventLoopGroup.next())
            let read = try await driver.readSession(id, for: reading).get()
            _ = try await driver.updateSession(id, to: try #require(read), for: reading).get()
            #expect(base.updates.withLockedValue { $0 } == 0, "a page read leaves the session as it was")

            let signingOut = Request(application: app, on: app.eventLoopGroup.next())
            _ = try await driver.readSession(id, for: signingOut).get()
            _ = try await driver.updateSession(id, to: SessionData(initialData: ["csrf": "token"]), for: signingOut).get()
            #expect(base.updates.withLockedValue { $0 } == 1)

            // A request that never read this session (its cookie was unknown) writes what it has.
            let fresh = Request(application: app, on: app.eventLoopGroup.next())
            _ = try await driver.updateSession(id, to: SessionData(), for: fresh).get()
            #expect(base.updates.withLockedValue { $0 } == 2)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test("through the server: reading pages leaves the session row as it was; signing out removes it", arguments: TestDatabase.all)
    func pagesDoNotWriteTheSession(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            // What changes a row: on PostgreSQL every update gives it a new xmin; on SQLite a trigger counts them.
            let postgres = sql.dialect.name != "sqlite"
            if !postgres {
                try await sql.raw("CREATE TABLE session_writes (n INTEGER NOT NULL)").run()
                try await sql.raw("INSERT INTO session_writes (n) VALUES (0)").run()
                try await sql.raw("CREATE TRIGGER count_session_writes AFTER UPDATE ON _fluent_sessions BEGIN UPDATE session_writes SET n = n + 1; END").run()
            }
            struct Stamp: Decodable { let stamp: String }
            func stamps() async throws -> [String] {
                try await sql.raw(postgres ? "SELECT CAST(xmin AS TEXT) AS stamp FROM _fluent_sessions ORDER BY key"
                                           : "SELECT CAST(n AS TEXT) AS stamp FROM session_writes").all(decoding: Stamp.self).map(\.stamp)
            }
            let (user, _) = try await app.makeApplicant()
            var browser = Browser(app: app)
            try await browser.signIn(user.email)
            _ = try await browser.page(SiteURL.myApplications)
            let before = try await stamps()
            #expect(!before.isEmpty)
            for path in [SiteURL.home, SiteURL.myApplications, SiteURL.organisation, SiteURL.home] {
                _ = try await browser.page(path)
            }
            #expect(try await stamps() == before, "four pages read, no session written")
            #expect(try await browser.post(SiteURL.logout, form: [:], csrfFrom: SiteURL.home).status == .seeOther)
            #expect(try await SessionRecord.query(on: app.db).count() == 0, "signing out is a change, and is written")
        }
    }
}
