import Fluent
import Vapor

/// A web session as stored: Fluent's own session row, with when it began and when it was last
/// used, so that it ends after a pause or a day's use, and old ones can be cleared.
final class StoredSession: Model, @unchecked Sendable {
    static let schema = SessionRecord.schema

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: SessionID
    @Field(key: "data") var data: SessionData
    /// Nil on a row from before sessions had lifetimes: such a row counts as ended.
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "seen_at") var seenAt: Date?

    init() {}

    /// How long a session lasts (OWASP ASVS 4.0, 3.3.2 at level 2): 30 minutes without a
    /// request, 12 hours in all, after which the person signs in again.
    enum Lifetime {
        static let idle: TimeInterval = 30 * 60
        static let absolute: TimeInterval = 12 * 3600
        /// A session is marked as used at most this often, so reading pages seldom writes.
        static let touch: TimeInterval = 5 * 60
    }

    func isOver(at now: Date) -> Bool {
        guard let createdAt, let seenAt else { return true }
        return now.timeIntervalSince(seenAt) > Lifetime.idle || now.timeIntervalSince(createdAt) > Lifetime.absolute
    }

    /// The rows of sessions over at `now`, for the cleanup job.
    static func over(at now: Date, on db: any Database) -> QueryBuilder<StoredSession> {
        StoredSession.query(on: db).group(.or) {
            $0.filter(\.$seenAt == nil).filter(\.$createdAt == nil)
                .filter(\.$seenAt < now.addingTimeInterval(-Lifetime.idle))
                .filter(\.$createdAt < now.addingTimeInterval(-Lifetime.absolute))
        }
    }
}

/// Fluent's session store with lifetimes: a session over its idle or absolute lifetime reads as
/// no session (the person is signed out and gets a fresh one); a session in use is marked seen
/// at most every few minutes. `SessionCleanupJob` deletes the rows of ended sessions.
struct StoredSessionDriver: SessionDriver {
    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            let session = StoredSession()
            session.key = SessionID(string: [UInt8].random(count: 32).base64URLEncoded)
            session.data = data
            session.createdAt = request.now
            session.seenAt = request.now
            try await session.create(on: request.db)
            return session.key
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeFutureWithTask {
            guard let session = try await StoredSession.query(on: request.db).filter(\.$key == sessionID).first() else { return nil }
            let now = request.now
            guard !session.isOver(at: now) else { return nil }
            if let seen = session.seenAt, now.timeIntervalSince(seen) > StoredSession.Lifetime.touch {
                try await StoredSession.query(on: request.db).filter(\.$key == sessionID).set(\.$seenAt, to: now).update()
            }
            return session.data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            try await StoredSession.query(on: request.db).filter(\.$key == sessionID)
                .set(\.$data, to: data).set(\.$seenAt, to: request.now).update()
            return sessionID
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeFutureWithTask {
            try await StoredSession.query(on: request.db).filter(\.$key == sessionID).delete()
        }
    }
}
