import Foundation
import Vapor

/// Slows down password guessing: after a few failures for one email address, further attempts
/// are refused for a wait that doubles with each failure.
///
/// It reads real elapsed time, not the business clock: with `S3DESK_NOW` pinned, a wait
/// measured on the business clock would never end. Kept in memory: one server process.
actor LoginThrottle {
    static let freeAttempts = 5
    static let firstWait: TimeInterval = 30
    static let longestWait: TimeInterval = 15 * 60

    private struct Record {
        var failures: Int
        var lastFailure: Date
    }

    private var records: [String: Record] = [:]
    private let elapsed: @Sendable () -> Date

    init(elapsed: @escaping @Sendable () -> Date = { Date() }) {
        self.elapsed = elapsed
    }

    /// Seconds to wait before `key` may try again, or nil when it may try now.
    func wait(for key: String) -> Int? {
        guard let record = records[key], record.failures >= Self.freeAttempts else { return nil }
        let exponent = record.failures - Self.freeAttempts
        let wait = min(Self.firstWait * pow(2, Double(exponent)), Self.longestWait)
        let remaining = record.lastFailure.addingTimeInterval(wait).timeIntervalSince(elapsed())
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
    }

    func recordFailure(for key: String) {
        let now = elapsed()
        var record = records[key] ?? Record(failures: 0, lastFailure: now)
        // A long quiet spell forgives earlier failures.
        if now.timeIntervalSince(record.lastFailure) > Self.longestWait * 2 { record.failures = 0 }
        record.failures += 1
        record.lastFailure = now
        records[key] = record
        if records.count > 10_000 { forgetQuietKeys(before: now.addingTimeInterval(-Self.longestWait * 2)) }
    }

    func recordSuccess(for key: String) {
        records[key] = nil
    }

    private func forgetQuietKeys(before cutoff: Date) {
        records = records.filter { $0.value.lastFailure >= cutoff }
    }
}

extension Application {
    private struct LoginThrottleKey: StorageKey {
        typealias Value = LoginThrottle
    }

    var loginThrottle: LoginThrottle {
        get {
            guard let throttle = storage[LoginThrottleKey.self] else {
                preconditionFailure("configure(_:settings:) installs the login throttle")
            }
            return throttle
        }
        set { storage[LoginThrottleKey.self] = newValue }
    }
}
