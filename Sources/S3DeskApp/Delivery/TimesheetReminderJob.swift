import Fluent
import Foundation
import S3DeskDomain

/// Every Monday morning, the secretariat's staff get one email listing the running assignments
/// whose timesheet entries wait for approval (domain.md, "Notifications").
struct TimesheetReminderJob: ScheduledJob {
    let name = "timesheet-reminder"
    let publicURL: String
    let messages: Messages
    static let zone = ZonedCalendar(identifier: "Europe/Brussels")!
    /// Assignments named in one email; the queue on the staff page has the rest.
    static let listed = 50

    /// A reminder is late by a day at most: a server that was down all Monday sends none that
    /// week rather than a "Monday" reminder on Thursday.
    static let grace: TimeInterval = 24 * 3_600

    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence] {
        // Only the latest Monday, and only in a week with something waiting: a quiet week leaves
        // no run behind.
        guard let latest = WeeklyReminder.latest(atOrBefore: now, in: Self.zone), now.timeIntervalSince(latest) < Self.grace,
              try await Self.waiting(on: db).count() > 0 else { return [] }
        return [JobOccurrence(key: Instant.format(latest), dueAt: latest)]
    }

    /// Entries awaiting approval in running assignments (an ended one's can never be decided).
    private static func waiting(on db: any Database) -> QueryBuilder<TimesheetEntry> {
        TimesheetEntry.query(on: db).join(Assignment.self, on: \TimesheetEntry.$assignment.$id == \Assignment.$id)
            .filter(Assignment.self, \.$status == .launched).filter(\.$status == .pending)
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        WeeklyReminder.next(after: now, in: Self.zone)
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        let waiting = try await Self.waiting(on: db).all(\.$assignment.$id)
        guard !waiting.isEmpty else { return "no timesheet entry of a running assignment waits for approval" }
        let counts = Dictionary(waiting.map { ($0, 1) }, uniquingKeysWith: +)
        let listed = Array(counts.keys.sorted { $0.uuidString < $1.uuidString }.prefix(Self.listed))
        let assignments = try await Assignment.query(on: db).filter(\.$id ~~ listed).with(\.$application).sort(\.$launchDate).all()
        let waitingIn = try assignments.map { assignment in
            (assignment.application.reference, counts[try assignment.requireID()] ?? 0, publicURL + SiteURL.assignmentOf(assignment.$application.id))
        }
        let staff = try await Assignments.secretariat(on: db)
        try await Outbox.enqueue(staff.map { person in
            messages.timesheetsAwaiting(in: person.language, to: person.email, name: person.name, lines: waitingIn.map {
                messages.timesheetLine(reference: $0.0, entries: $0.1, link: $0.2, in: person.language)
            })
        }, at: now, on: db, logger: db.logger)
        return "\(assignments.count) assignment\(assignments.count == 1 ? "" : "s") with entries waiting, \(staff.count) staff told"
    }
}
