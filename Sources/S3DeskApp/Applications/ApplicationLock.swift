import Fluent
import Vapor

extension Database {
    /// Runs `body` in one write transaction that holds `application`'s lock, with its state and
    /// content re-read first: every change checks what is there now, not what the request read
    /// before a simultaneous one changed it (a submit racing a PATCH, two withdrawals at once).
    /// The application's round is locked first, in the order endorsements, decisions and the
    /// cut-off job take them, so a withdrawal never lands in the middle of an endorsement.
    /// - Parameter round: a round to lock as well, before the application: the round a draft
    ///   is submitted into.
    func withLocked<T: Sendable>(_ application: ApplicationRecord, round: UUID? = nil,
                                 _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await writeTransaction { db in
            try await db.lockRows(Round.schema, ids: Array(Set([application.$round.id, round].compactMap { $0 })))
            try await application.lockAndRefresh(on: db)
            return try await body(db)
        }
    }
}

extension ApplicationRecord {
    /// Inside a write transaction: takes the row's lock and reloads what another request may have
    /// changed, keeping the call and round already loaded with it.
    func lockAndRefresh(on db: any Database) async throws {
        let id = try requireID()
        try await db.lockRow(Self.schema, id: id)
        guard let fresh = try await ApplicationRecord.find(id, on: db) else { throw AppError.notFound("application") }
        status = fresh.status
        content = fresh.content
        submittedAt = fresh.submittedAt
        updatedAt = fresh.updatedAt
        if $round.id != fresh.$round.id { $round.id = fresh.$round.id }
    }
}
