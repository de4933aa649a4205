import Fluent
import Foundation
import Vapor

/// One instant a job falls due, for one thing: `key` names the thing (a round's id) and, with the
/// job's name, the record of its run.
struct JobOccurrence: Sendable, Hashable {
    let key: String
    let dueAt: Date
}

/// Time-driven work: something that falls due at instants the domain computes (a round's cut-off;
/// later meetings, launches, reminders) and happens once, whoever is asking for pages meanwhile.
/// The runner claims, records, logs and retries; a job only says what is due and does it.
protocol ScheduledJob: Sendable {
    /// Stored with each run and shown in logs: never rename one that has run.
    var name: String { get }

    /// Every occurrence due at or before `now`, done or not: the runner skips those done.
    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence]

    /// The first instant after `now` at which something falls due, so the worker wakes then.
    func nextDue(after now: Date, on db: any Database) async throws -> Date?

    /// Does the work inside the runner's write transaction, so it lands whole or not at all,
    /// together with the record that it succeeded. Returns what it did, for the record and the log.
    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String
}

extension Application {
    private struct ScheduledJobsKey: StorageKey {
        typealias Value = [any ScheduledJob]
    }

    /// Every job the server runs, in the order a pass runs them.
    var scheduledJobs: [any ScheduledJob] {
        get { storage[ScheduledJobsKey.self] ?? [] }
        set { storage[ScheduledJobsKey.self] = newValue }
    }
}
