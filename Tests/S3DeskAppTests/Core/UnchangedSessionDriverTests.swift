import NIOConcurrencyHelpers
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
}
