import Fluent
import Foundation
import S3DeskDomain

/// When a reminder about one of each round's dates falls due: `ReminderRules` days before it at
/// 08:00 in the call's zone, one occurrence per round (keyed by its id), due until that date ends.
struct RoundReminderSchedule: Sendable {
    enum RoundDate: Sendable {
        case cutoff
        case meetingsDue
        case launchDue

        func of(_ round: Round) -> String {
            switch self {
            case .cutoff: round.cutoffDate
            case .meetingsDue: round.topicMeetingsDue
            case .launchDue: round.launchDue
            }
        }
    }

    let date: RoundDate
    let daysBefore: Int

    /// Each round whose date has not ended, with the instant its reminder is due and its call.
    /// Dates are `YYYY-MM-DD` text: a day's margin leaves room for every time zone.
    func upcoming(after now: Date, on db: any Database) async throws -> [(round: Round, sendAt: Date)] {
        let yesterday = ZonedCalendar.utc.civilDate(of: now).adding(days: -1).description
        let query = Round.query(on: db).with(\.$call)
        switch date {
        case .cutoff: query.filter(\.$cutoffDate >= yesterday)
        case .meetingsDue: query.filter(\.$topicMeetingsDue >= yesterday)
        case .launchDue: query.filter(\.$launchDue >= yesterday)
        }
        return try await query.all().compactMap { round in
            guard let zone = ZonedCalendar(identifier: round.call.timeZone), let day = try? CivilDate(parsing: date.of(round)),
                  ReminderRules.isCurrent(day, at: now, in: zone) else { return nil }
            return (round, ReminderRules.sendAt(daysBefore, before: day, in: zone))
        }
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        try await upcoming(after: now, on: db).map(\.sendAt).filter { $0 > now }.min()
    }

    /// The round of an occurrence with its call, or nil if it has gone.
    static func round(of occurrence: JobOccurrence, on db: any Database) async throws -> Round? {
        guard let id = UUID(uuidString: occurrence.key) else { return nil }
        return try await Round.query(on: db).filter(\.$id == id).with(\.$call).first()
    }
}

/// A reminder about one date of each round (`schedule`), due only while something of the round
/// still waits: a round with nothing to remind leaves no run behind.
protocol RoundReminderJob: ScheduledJob {
    var schedule: RoundReminderSchedule { get }
    /// The emails' texts, in each recipient's language.
    var messages: Messages { get }
    /// What the reminder is about, in reference order: drafts to submit, meetings to plan, launches.
    func waiting(in round: Round, on db: any Database) async throws -> [ApplicationRecord]
}

extension RoundReminderJob {
    /// One query per round whose reminder is due and not yet sent: a handful, whatever the
    /// number of applications. A round reminded already is not asked again what waits, which
    /// for drafts is every draft of the call, on every pass until the date.
    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence] {
        let reached = try await schedule.upcoming(after: now, on: db).filter { $0.sendAt <= now }
        guard !reached.isEmpty else { return [] }
        let sent = Set(try await JobRun.query(on: db).filter(\.$job == name).filter(\.$status == .succeeded)
            .filter(\.$key ~~ reached.map { try $0.round.requireID().uuidString }).all(\.$key))
        var due: [JobOccurrence] = []
        for (round, sendAt) in reached {
            let key = try round.requireID().uuidString
            if !sent.contains(key), try await !waiting(in: round, on: db).isEmpty { due.append(JobOccurrence(key: key, dueAt: sendAt)) }
        }
        return due
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        try await schedule.nextDue(after: now, on: db)
    }
}

extension RoundReminderJob {
    /// Emails every member of the secretariat the round's `waiting` applications, a line each
    /// with its assignment page, and the date the reminder is about, in each one's language;
    /// returns how many were told.
    /// - Parameters:
    ///   - describe: how a line names its application ("TS-2026-0004 (scoping)").
    ///   - email: which email, such as `Messages.launchesDue`.
    func remindSecretariat(of round: Round, waiting: [ApplicationRecord], describe: (ApplicationRecord, Language) -> String, publicURL: String,
                           email: (Messages) -> (_ language: Language, _ to: String, _ name: String, _ round: String, _ due: CivilDate,
                                                 _ lines: [String]) -> EmailMessage,
                           now: Date, on db: any Database) async throws -> Int {
        let links = try waiting.map { publicURL + SiteURL.assignmentOf(try $0.requireID()) }
        let due = try CivilDate(parsing: schedule.date.of(round))
        let staff = try await Assignments.secretariat(on: db)
        try await Outbox.enqueue(staff.map { person in
            let lines = zip(waiting, links).map { "\(describe($0, person.language)) — \($1)" }
            let label = messages.round(round.number, of: round.call.title, cutoff: round.cutoffDate, in: person.language)
            return email(messages)(person.language, person.email, person.name, label, due, lines)
        }, at: now, on: db, logger: db.logger)
        return staff.count
    }
}
