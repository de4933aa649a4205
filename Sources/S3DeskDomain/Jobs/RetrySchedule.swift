/// When failed work is tried again: waits that double from `firstWait`, capped at `longestWait`,
/// until `maximumAttempts` have failed and the work is given up (and shown as failed to staff).
public struct RetrySchedule: Sendable, Equatable {
    public let maximumAttempts: Int
    public let firstWait: Double
    public let longestWait: Double

    /// An email: a mail server that is down for a night still gets it delivered.
    public static let emailDelivery = RetrySchedule(maximumAttempts: 8, firstWait: 30, longestWait: 6 * 3600)
    /// A scheduled job: a database restart or a deadlock is over within minutes, a bug is not,
    /// and a day of retries is long enough to see it in the log and fix it.
    public static let jobs = RetrySchedule(maximumAttempts: 30, firstWait: 15, longestWait: 3600)

    /// Seconds to wait after the `attempt`-th failure (1-based), or nil when it was the last.
    public func wait(afterAttempt attempt: Int) -> Double? {
        guard attempt >= 1, attempt < maximumAttempts else { return nil }
        // Shifting past the cap's exponent would overflow on a long-failing record.
        let doublings = min(attempt - 1, 30)
        return min(firstWait * Double(1 << doublings), longestWait)
    }
}
