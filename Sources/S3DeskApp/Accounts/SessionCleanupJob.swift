import Fluent
import Foundation
import S3DeskDomain

/// Every hour, deletes the rows of web sessions that ended (`StoredSession.Lifetime`): a
/// visitor's session made for a form's token, or one left open when a browser closed, would
/// otherwise stay for ever.
struct SessionCleanupJob: ScheduledJob {
    let name = "session-cleanup"

    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence] {
        // Only when there is something to clear: a quiet hour leaves no run behind.
        guard try await StoredSession.over(at: now, on: db).count() > 0 else { return [] }
        let hour = JobPeriod.hour.start(of: now)
        return [JobOccurrence(key: Instant.format(hour), dueAt: hour)]
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        JobPeriod.hour.next(after: now)
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        let over = StoredSession.over(at: now, on: db)
        let count = try await over.count()
        try await over.delete()
        return "\(count) ended session\(count == 1 ? "" : "s") cleared"
    }
}
