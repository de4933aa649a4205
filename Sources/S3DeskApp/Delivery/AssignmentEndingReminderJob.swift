import Fluent
import Foundation
import S3DeskDomain

/// Two weeks before a running assignment's planned end, while expert days are left, the
/// secretariat and the expert are told: time enough to use them or to ask for an extension. An
/// extension moves the planned end, and so brings a reminder of its own (the key names the end).
struct AssignmentEndingReminderJob: ScheduledJob {
    let name = "assignment-ending-reminder"
    let publicURL: String
    let messages: Messages

    /// Running assignments with days left and no final report, each with its planned end's reminder.
    private func upcoming(after now: Date, on db: any Database) async throws -> [(assignment: Assignment, end: CivilDate, sendAt: Date)] {
        try await Assignment.query(on: db).filter(\.$status == .launched).filter(\.$finalReportAt == nil)
            .with(\.$round) { $0.with(\.$call) }.all()
            .compactMap { assignment in
                guard assignment.halfDaysLogged < assignment.budget.halves, let end = assignment.period?.upperBound,
                      let zone = ZonedCalendar(identifier: assignment.round.call.timeZone),
                      ReminderRules.isCurrent(end, at: now, in: zone) else { return nil }
                return (assignment, end, ReminderRules.sendAt(ReminderRules.endingDaysBefore, before: end, in: zone))
            }
    }

    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence] {
        try await upcoming(after: now, on: db).filter { $0.sendAt <= now }
            .map { JobOccurrence(key: "\(try $0.assignment.requireID())/\($0.end)", dueAt: $0.sendAt) }
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        try await upcoming(after: now, on: db).map(\.sendAt).filter { $0 > now }.min()
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        guard let id = occurrence.key.split(separator: "/").first.flatMap({ UUID(uuidString: String($0)) }),
              let assignment = try await Assignment.query(on: db).filter(\.$id == id).with(\.$application).with(\.$expert).first()
        else { return "the assignment has gone" }
        let remaining = ExpertDays(halves: assignment.budget.halves - assignment.halfDaysLogged)
        guard assignment.status == .launched, remaining.halves > 0, let end = assignment.period?.upperBound else {
            return "\(assignment.application.reference) has no expert days left to plan"
        }
        var people = try await Assignments.secretariat(on: db)
        if let expert = assignment.expert, let account = try await User.find(expert.$user.id, on: db) {
            people.append((account.email, account.name, account.language ?? .en))
        }
        let link = publicURL + SiteURL.assignmentOf(assignment.$application.id)
        try await Outbox.enqueue(people.map {
            messages.assignmentEnding(in: $0.language, to: $0.email, name: $0.name, reference: assignment.application.reference,
                                      plannedEnd: end, remaining: remaining, link: link)
        }, at: now, on: db, logger: db.logger)
        return "\(assignment.application.reference): \(remaining.spelled) left before \(end), \(people.count) people told"
    }
}
