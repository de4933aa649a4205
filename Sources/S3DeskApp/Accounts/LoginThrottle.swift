import Fluent
import Foundation
import SQLKit
import Vapor

/// A key's counted events so far (failed sign-ins, emails asked for), shared by every app server on the database.
final class RateLimitRecord: Model, @unchecked Sendable {
    static let schema = "rate_limits"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure") var lastFailure: Date

    init() {}
}

/// Slows down guessing and flooding: after a few counted events for one key (failed sign-ins
/// for an address or from a client, account emails asked for), further attempts are refused for
/// a wait that doubles with each event, up to the limit's longest.
///
/// The count lives in the database, so that a guesser spreading attempts over several app
/// servers meets one limit. It reads real elapsed time, not the business clock: with
/// `S3DESK_NOW` pinned, a wait measured on the business clock would never end.
struct LoginThrottle: Sendable {
    struct Limit: Sendable {
        /// Tells keys of different limits apart in the one table.
        let prefix: String
        let freeAttempts: Int
        let firstWait: TimeInterval
        let longestWait: TimeInterval
        /// A quiet spell this long forgives earlier events.
        var forgiveAfter: TimeInterval { longestWait * 2 }

        /// Failed sign-ins for one address: short waits, so that someone else's guessing never
        /// keeps the owner of the address out for more than a minute.
        static let signInAddress = Limit(prefix: "sign-in address", freeAttempts: 5, firstWait: 5, longestWait: 60)
        /// Failed sign-ins from one client, whatever the address: long waits for whoever guesses.
        static let signInClient = Limit(prefix: "sign-in client", freeAttempts: 20, firstWait: 30, longestWait: 15 * 60)
        /// Registrations and password-reset emails asked for from one client.
        static let accountEmailsClient = Limit(prefix: "account emails client", freeAttempts: 20, firstWait: 60, longestWait: 3600)
        /// Password-reset emails asked for one address.
        static let resetAddress = Limit(prefix: "reset address", freeAttempts: 3, firstWait: 60, longestWait: 3600)

        /// Wrong second-factor codes for one account. A million codes, three accepted at a time:
        /// five free guesses, then doubling waits, leave a guesser without the password nowhere.
        static let secondFactor = Limit(prefix: "second factor", freeAttempts: 5, firstWait: 30, longestWait: 15 * 60)

        /// "Someone tried to register with your address" emails to one address: a few tell the
        /// owner, more would let anyone flood their mailbox from many clients.
        static let takenAddressEmails = Limit(prefix: "taken address", freeAttempts: 3, firstWait: 3600, longestWait: 24 * 3600)

        /// The longest any limit remembers: older rows help nobody.
        static let horizon = [signInAddress, signInClient, accountEmailsClient, resetAddress, secondFactor, takenAddressEmails].map(\.forgiveAfter).max()!

        func key(_ value: String) -> String { "\(prefix): \(value)" }
    }

    private let elapsed: @Sendable () -> Date

    init(elapsed: @escaping @Sendable () -> Date = { Date() }) {
        self.elapsed = elapsed
    }

    /// Seconds still to wait after `failures` events, the last at `lastFailure`; nil when none.
    static func wait(afterFailures failures: Int, lastFailure: Date, now: Date, limit: Limit) -> Int? {
        guard failures >= limit.freeAttempts else { return nil }
        let wait = min(limit.firstWait * pow(2, Double(failures - limit.freeAttempts)), limit.longestWait)
        let remaining = lastFailure.addingTimeInterval(wait).timeIntervalSince(now)
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
    }

    /// Seconds to wait before `value` may try again under `limit`, or nil when it may try now.
    func wait(for value: String, _ limit: Limit, on db: any Database) async throws -> Int? {
        guard let record = try await RateLimitRecord.find(limit.key(value), on: db) else { return nil }
        let now = elapsed()
        guard now.timeIntervalSince(record.lastFailure) <= limit.forgiveAfter else { return nil }
        return Self.wait(afterFailures: record.failures, lastFailure: record.lastFailure, now: now, limit: limit)
    }

    /// Refuses with 429 and `Retry-After` while any of `checks` must wait, naming the first that does.
    func check(_ checks: [(value: String, limit: Limit, message: String)], on db: any Database) async throws {
        for check in checks {
            if let wait = try await wait(for: check.value, check.limit, on: db) {
                throw AppError(status: .tooManyRequests, code: "too_many_attempts", message: "\(check.message); try again in \(wait) seconds",
                               headers: ["Retry-After": "\(wait)"])
            }
        }
    }

    /// One more event, counted by the database itself so that two servers counting the same
    /// key at once both count.
    func record(_ value: String, _ limit: Limit, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let now = elapsed()
        let forgiven = now.addingTimeInterval(-limit.forgiveAfter)
        try await sql.raw("""
            INSERT INTO \(ident: RateLimitRecord.schema) (\(ident: "key"), failures, last_failure) VALUES (\(bind: limit.key(value)), 1, \(bind: now))
            ON CONFLICT (\(ident: "key")) DO UPDATE SET
              failures = CASE WHEN \(ident: RateLimitRecord.schema).last_failure < \(bind: forgiven) THEN 1 ELSE \(ident: RateLimitRecord.schema).failures + 1 END,
              last_failure = \(bind: now)
            """).run()
        try await RateLimitRecord.query(on: db).filter(\.$lastFailure < now.addingTimeInterval(-Limit.horizon)).delete()
    }

    func forget(_ value: String, _ limit: Limit, on db: any Database) async throws {
        try await RateLimitRecord.query(on: db).filter(\.$id == limit.key(value)).delete()
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

    private struct TrustsProxyKey: StorageKey {
        typealias Value = Bool
    }

    /// `AppSettings.trustsProxy`.
    var trustsProxy: Bool {
        get { storage[TrustsProxyKey.self] ?? false }
        set { storage[TrustsProxyKey.self] = newValue }
    }
}

extension Request {
    /// The address the connection comes from, which the rate limits count by. Behind a proxy
    /// every request shares the proxy's: `S3DESK_TRUST_PROXY=1` reads the client's from the
    /// proxy's `X-Forwarded-For` instead (never set it without a proxy that writes that header).
    var clientAddress: String {
        (application.trustsProxy ? peerAddress : remoteAddress)?.ipAddress ?? "unknown"
    }
}
