import Fluent
import Foundation
import S3DeskDomain

/// Every Monday morning, the secretariat's staff get one email listing the running assignments
/// whose timesheet entries wait for approval (domain.md, "Notifications"). Nothing is sent in a
/// week with nothing waiting.
struct TimesheetReminderJob: ScheduledJob {
    let name = "timesheet-reminder"
    let publicURL: String
    static let zone = ZonedCalendar(identifier: "Europe/Brussels")!
    /// Assignments named in one email; the queue on the staff page has the rest.
    static let listed = 50

    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence] {
        // Only the latest Monday: a server started after a pause sends one reminder, not one per missed week.
        guard let latest = WeeklyReminder.latest(atOrBefore: now, in: Self.zone) else { return [] }
        return [JobOccurrence(key: Instant.format(latest), dueAt: latest)]
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        WeeklyReminder.next(after: now, in: Self.zone)
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        let waiting = try await TimesheetEntry.query(on: db).filter(\.$status == .pending).all(\.$assignment.$id)
        guard !waiting.isEmpty else { return "no timesheet entry waits for approval" }
        let counts = Dictionary(waiting.map { ($0, 1) }, uniquingKeysWith: +)
        let assignments = try await Assignment.query(on: db).filter(\.$id ~~ Array(counts.keys)).filter(\.$status == .launched)
            .with(\.$application).sort(\.$launchDate).limit(Self.listed).all()
        guard !assignments.isEmpty else { return "no running assignment has entries waiting" }
        let lines = try assignments.map { assignment in
            let count = counts[try assignment.requireID()] ?? 0
            return "\(assignment.application.reference): \(count) \(count == 1 ? "entry" : "entries") — \(publicURL + SiteURL.assignmentOf(assignment.$application.id))"
        }
        let staff = try await Assignments.secretariat(on: db)
        try await Outbox.enqueue(staff.map { EmailTemplates.timesheetsAwaiting(to: $0.email, name: $0.name, lines: lines) },
                                 at: now, on: db, logger: db.logger)
        return "\(assignments.count) assignment\(assignments.count == 1 ? "" : "s") with entries waiting, \(staff.count) staff told"
    }
}
