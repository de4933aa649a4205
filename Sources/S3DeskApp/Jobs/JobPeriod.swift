import Foundation

/// Fixed periods counted from the Unix epoch, for jobs that sweep up whatever is due rather
/// than act on one thing.
struct JobPeriod: Sendable {
    let length: TimeInterval

    static let hour = JobPeriod(length: 3600)

    func start(of now: Date) -> Date {
        Date(timeIntervalSince1970: (now.timeIntervalSince1970 / length).rounded(.down) * length)
    }

    func next(after now: Date) -> Date {
        start(of: now).addingTimeInterval(length)
    }
}
