import Fluent
import Foundation
import SQLKit
import Vapor

/// A key's failures so far (a sign-in address), shared by every app server on the database.
final class RateLimitRecord: Model, @unchecked Sendable {
    static let schema = "rate_limits"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure") var lastFailure: Date

    init() {}
}

/// Slows down password guessing: after a few failures for one email address, further attempts
/// are refused for a wait that doubles with each failure.
///
/// The count lives in the database, so that a guesser spreading attempts over several app
/// servers meets one limit. It reads real elapsed time, not the business clock: with
/// `S3DESK_NOW` pinned, a wait measured on the business clock would never end.
struct LoginThrottle: Sendable {
    static let freeAttempts = 5
    static let firstWait: TimeInterval = 30
    static let longestWait: TimeInterval = 15 * 60
    /// A quiet spell this long forgives earlier failures, and the row can go.
    static let forgiveAfter: TimeInterval = longestWait * 2

    private let elapsed: @Sendable () -> Date

    init(elapsed: @escaping @Sendable () -> Date = { Date() }) {
        self.elapsed = elapsed
    }

    /// Seconds still to wait after `failures` failures, the last at `lastFailure`; nil when none.
    static func wait(afterFailures failures: Int, lastFailure: Date, now: Date) -> Int? {
        guard failures >= freeAttempts else { return nil }
        let wait = min(firstWait * pow(2, Double(failures - freeAttempts)), longestWait)
        let remaining = lastFailure.addingTimeInterval(wait).timeIntervalSince(now)
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
    }

    /// Seconds to wait before `key` may try again, or nil when it may try now.
    func wait(for key: String, on db: any Database) async throws -> Int? {
        guard let record = try await RateLimitRecord.find(key, on: db) else { return nil }
        let now = elapsed()
        guard now.timeIntervalSince(record.lastFailure) <= Self.forgiveAfter else { return nil }
        return Self.wait(afterFailures: record.failures, lastFailure: record.lastFailure, now: now)
    }

    /// One more failure, counted by the database itself so that two servers failing the same
    /// key at once both count.
    func recordFailure(for key: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let now = elapsed()
        let forgiven = now.addingTimeInterval(-Self.forgiveAfter)
        try await sql.raw("""
            INSERT INTO \(ident: RateLimitRecord.schema) (\(ident: "key"), failures, last_failure) VALUES (\(bind: key), 1, \(bind: now))
            ON CONFLICT (\(ident: "key")) DO UPDATE SET
              failures = CASE WHEN \(ident: RateLimitRecord.schema).last_failure < \(bind: forgiven) THEN 1 ELSE \(ident: RateLimitRecord.schema).failures + 1 END,
              last_failure = \(bind: now)
            """).run()
        // Rows forgiven long ago help nobody: the table holds the last half hour's guessers only.
        try await RateLimitRecord.query(on: db).filter(\.$lastFailure < forgiven).delete()
    }

    func recordSuccess(for key: String, on db: any Database) async throws {
        try await RateLimitRecord.query(on: db).filter(\.$id == key).delete()
    }
}

extension Application {
    private struct LoginThrottleKey: StorageKey {
        typealias Value = LoginThrottle
    }

    var loginThrottle: LoginThrottle {
        get { storage.required(LoginThrottleKey.self, setBy: "configure(_:settings:)") }
        set { storage[LoginThrottleKey.self] = newValue }
    }
}
