import Foundation
import Vapor

/// The one clock the service reads business time from: cut-off rounds, token expiry, audit.
///
/// Pinned by `S3DESK_NOW` for demonstrations and tests; otherwise the system time.
public struct AppClock: Sendable {
    private let read: @Sendable () -> Date

    public init(pinnedAt instant: Date?) {
        if let instant {
            read = { instant }
        } else {
            read = { Date() }
        }
    }

    public var now: Date { read() }
}

extension Application {
    private struct ClockKey: StorageKey {
        typealias Value = AppClock
    }

    public var clock: AppClock {
        get { storage[ClockKey.self] ?? AppClock(pinnedAt: nil) }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.clock.now }
}
