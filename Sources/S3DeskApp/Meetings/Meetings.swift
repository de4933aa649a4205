import Fluent
import S3DeskDomain
import Vapor

/// The secretariat plans meetings of a selected application and keeps their history; every
/// version reaches the participants as an invitation with its calendar event.
enum Meetings {
    static func schedule(_ application: ApplicationRecord, plan: MeetingPlan, by user: User,
                         in context: ServiceContext) async throws -> Meeting {
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        try MeetingRules.problems(plan).throwIfAny()
        let applicationID = try application.requireID()
        return try await context.db.withLocked(application) { db in
            try requireMeetingStatus(application, user)
            let meeting = Meeting()
            meeting.$application.id = applicationID
            meeting.purpose = plan.purpose
            meeting.minutes = ""
            meeting.held = false
            meeting.sequence = 0
            meeting.$organiser.id = try user.requireID()
            meeting.createdAt = context.now
            try await apply(plan, to: meeting, of: application, organiser: user, at: context.now, on: db)
            try await meeting.create(on: db)
            try await MeetingRevision(of: meeting, change: .scheduled, note: "", actor: user, at: context.now).create(on: db)
            try await AuditLog.record(.meetingScheduled, subject: .application(applicationID),
                                      summary: "\(plan.purpose.label) on \(try moment(plan.startsAt, of: application))\(meeting.late ? " (late)" : "")",
                                      actor: user, at: context.now, on: db)
            try await invite(meeting.participants, to: meeting, of: application, update: false, in: context, on: db)
            return meeting
        }
    }

    /// A new time, place, agenda or list of participants: the same calendar event, one sequence on.
    /// - Parameter change: the plan, made over the meeting as it is under the lock, so that what a
    ///   change leaves out keeps what a simultaneous one just wrote.
    static func reschedule(_ found: MeetingContext, change: @escaping @Sendable (Meeting) throws -> MeetingPlan, by user: User,
                           in context: ServiceContext) async throws -> Meeting {
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let (meeting, application) = (found.meeting, found.application)
        return try await context.db.withLocked(application) { db in
            try await refreshUncancelled(meeting, on: db)
            try requireMeetingStatus(application, user)
            let plan = try change(meeting)
            try MeetingRules.problems(plan).throwIfAny()
            let before = (meeting.startsAt, meeting.location, meeting.participants)
            try await apply(plan, to: meeting, of: application, organiser: try await meeting.$organiser.get(on: db), at: context.now, on: db)
            meeting.sequence += 1
            try await meeting.save(on: db)
            let note = before.0 == meeting.startsAt ? "" : "moved from \(try moment(before.0, of: application))"
            try await MeetingRevision(of: meeting, change: .rescheduled, note: note, actor: user, at: context.now).create(on: db)
            try await AuditLog.record(.meetingRescheduled, subject: .application(try application.requireID()),
                                      summary: "\(meeting.purpose.label) now on \(try moment(meeting.startsAt, of: application))\(meeting.late ? " (late)" : "")",
                                      actor: user, at: context.now, on: db)
            try await invite(meeting.participants, to: meeting, of: application, update: true, in: context, on: db)
            // Those no longer invited learn it from a cancellation of their copy.
            let kept = Set(meeting.participants.map(\.email))
            try await cancelFor(before.2.filter { !kept.contains($0.email) }, meeting: meeting, application: application,
                                reason: "you are no longer a participant of this meeting", in: context, on: db)
            return meeting
        }
    }

    static func cancel(_ found: MeetingContext, reason rawReason: String, by user: User, in context: ServiceContext) async throws -> Meeting {
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let reason = rawReason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard MeetingRules.reasonLength.contains(reason.count) else {
            throw AppError.invalidField("reason", "say why the meeting is cancelled, in 3 to 1,000 characters")
        }
        let (meeting, application) = (found.meeting, found.application)
        return try await context.db.withLocked(application) { db in
            try await refreshUncancelled(meeting, on: db)
            try await markCancelled(meeting, of: application, reason: reason, by: user, in: context, on: db)
            return meeting
        }
    }

    /// Cancels the meetings still to come of an application that was withdrawn or cancelled, each
    /// with its cancellation to every participant, so no invitee keeps it in their calendar.
    /// Inside the transaction that holds the application's lock. (An application has a handful of
    /// meetings: each is written on its own, with its history.)
    static func cancelUpcoming(of application: ApplicationRecord, reason: String, by user: User, in context: ServiceContext,
                               on db: any Database) async throws {
        let upcoming = try await Meeting.query(on: db).filter(\.$application.$id == application.requireID())
            .filter(\.$cancelledAt == nil).filter(\.$startsAt > context.now).all()
        for meeting in upcoming {
            try await markCancelled(meeting, of: application, reason: reason, by: user, in: context, on: db)
        }
    }

    /// One cancellation, with its history, its audit entry and the cancellation sent to every
    /// participant; within the application's lock.
    private static func markCancelled(_ meeting: Meeting, of application: ApplicationRecord, reason: String, by user: User,
                                      in context: ServiceContext, on db: any Database) async throws {
        meeting.cancelledAt = context.now
        meeting.cancelReason = reason
        meeting.sequence += 1
        meeting.updatedAt = context.now
        try await meeting.save(on: db)
        try await MeetingRevision(of: meeting, change: .cancelled, note: reason, actor: user, at: context.now).create(on: db)
        try await AuditLog.record(.meetingCancelled, subject: .application(try application.requireID()),
                                  summary: "\(meeting.purpose.label) of \(try moment(meeting.startsAt, of: application)) cancelled: \(reason)",
                                  actor: user, at: context.now, on: db)
        try await cancelFor(meeting.participants, meeting: meeting, application: application, reason: reason, in: context, on: db)
    }

    /// The minutes, and whether it took place: a meeting is marked held only once it has started.
    static func recordMinutes(_ found: MeetingContext, minutes rawMinutes: String, held: Bool, by user: User,
                              in context: ServiceContext) async throws -> Meeting {
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let minutes = rawMinutes.trimmingCharacters(in: .whitespacesAndNewlines)
        guard MeetingRules.minutesLength.contains(minutes.count) else {
            throw AppError.invalidField("minutes", "the minutes take up to 20,000 characters")
        }
        let (meeting, application) = (found.meeting, found.application)
        return try await context.db.withLocked(application) { db in
            try await refreshUncancelled(meeting, on: db)
            if held, meeting.startsAt > context.now {
                throw AppError.conflict("meeting_not_started", "the meeting starts on \(try moment(meeting.startsAt, of: application)): mark it held once it has taken place")
            }
            meeting.minutes = minutes
            meeting.held = held
            meeting.updatedAt = context.now
            try await meeting.save(on: db)
            try await MeetingRevision(of: meeting, change: .minutes, note: held ? "held" : "not held", actor: user, at: context.now).create(on: db)
            try await AuditLog.record(.meetingMinutesRecorded, subject: .application(try application.requireID()),
                                      summary: "\(meeting.purpose.label) of \(try moment(meeting.startsAt, of: application)): \(held ? "held" : "not held"), minutes recorded",
                                      actor: user, at: context.now, on: db)
            return meeting
        }
    }

    /// An instant as the audit trail and the messages say it: on the clocks of the call's zone.
    private static func moment(_ instant: Date, of application: ApplicationRecord) throws -> String {
        DateWording.moment(instant, in: try application.call.calendar())
    }

    /// The meeting as a calendar event, as the invitation carries it and the `.ics` serves it.
    static func event(_ meeting: Meeting, of application: ApplicationRecord, organiser: User, stamp: Date,
                      publicURL: String) throws -> CalendarEvent {
        let calendar = try application.call.schedule().calendar
        let link = publicURL + SiteURL.meeting(try meeting.requireID())
        return CalendarEvent(
            uid: meeting.calendarUID, sequence: meeting.sequence, method: meeting.cancelledAt == nil ? .request : .cancel,
            start: meeting.startsAt, durationMinutes: meeting.durationMinutes, timeZone: calendar.timeZone,
            summary: "\(meeting.purpose.label): \(application.reference)",
            description: [meeting.agenda, "S3 Targeted Support, application \(application.reference): \(link)"]
                .filter { !$0.isEmpty }.joined(separator: "\n\n"),
            location: meeting.location, url: link,
            organizer: CalendarPerson(name: organiser.name, email: organiser.email),
            attendees: meeting.participants.filter { $0.email != organiser.email }.map { CalendarPerson(name: $0.name, email: $0.email) },
            stamp: stamp)
    }

    // MARK: - Within the application's lock

    private static func requireMeetingStatus(_ application: ApplicationRecord, _ user: User) throws {
        guard application.policy(for: user).canScheduleMeeting else {
            throw AppError.conflict("not_selected", "application \(application.reference) is \(application.status.label.lowercased()): meetings are for selected applications and their assignments")
        }
    }

    private static func refreshUncancelled(_ meeting: Meeting, on db: any Database) async throws {
        guard let fresh = try await Meeting.find(meeting.requireID(), on: db) else { throw AppError.notFound("meeting") }
        if let cancelled = fresh.cancelledAt {
            throw AppError.conflict("meeting_cancelled", "the meeting was cancelled on \(DateWording.moment(cancelled, in: .service)); schedule a new one instead")
        }
        meeting.purpose = fresh.purpose
        meeting.startsAt = fresh.startsAt
        meeting.durationMinutes = fresh.durationMinutes
        meeting.location = fresh.location
        meeting.agenda = fresh.agenda
        meeting.participants = fresh.participants
        meeting.minutes = fresh.minutes
        meeting.held = fresh.held
        meeting.late = fresh.late
        meeting.sequence = fresh.sequence
        meeting.updatedAt = fresh.updatedAt
    }

    /// Writes the plan onto the meeting, with its participants: the region's members, the
    /// assigned expert, the organiser and the other addresses, each once.
    private static func apply(_ plan: MeetingPlan, to meeting: Meeting, of application: ApplicationRecord, organiser: User,
                              at now: Date, on db: any Database) async throws {
        guard let round = application.round else { throw AppError.conflict("not_selected", "the application has no round") }
        let calendar = try application.call.schedule().calendar
        meeting.purpose = plan.purpose
        meeting.startsAt = plan.startsAt
        meeting.durationMinutes = plan.durationMinutes
        meeting.location = plan.location.trimmingCharacters(in: .whitespacesAndNewlines)
        meeting.agenda = plan.agenda.trimmingCharacters(in: .whitespacesAndNewlines)
        meeting.late = MeetingRules.isLate(plan.purpose, startsAt: plan.startsAt, due: try CivilDate(parsing: round.topicMeetingsDue),
                                           calendar: calendar)
        meeting.updatedAt = now
        let members = try await User.query(on: db).filter(\.$organisation.$id == application.$organisation.id)
            .filter(\.$role == .applicant).filter(\.$deactivatedAt == nil).sort(\.$email).all()
        var people = members.map { Meeting.Participant(email: $0.email, name: $0.name) }
        if let expert = try await Assignments.expert(of: application.requireID(), on: db) {
            people.append(Meeting.Participant(email: expert.email, name: expert.name))
        }
        people.append(Meeting.Participant(email: organiser.email, name: organiser.name))
        people += plan.otherParticipants.compactMap(Credentials.normalisedEmail).map { Meeting.Participant(email: $0, name: $0) }
        var seen = Set<String>()
        meeting.participants = people.filter { seen.insert($0.email).inserted }
    }

    private static func invite(_ people: [Meeting.Participant], to meeting: Meeting, of application: ApplicationRecord, update: Bool,
                               in context: ServiceContext, on db: any Database) async throws {
        let organiser = try await meeting.$organiser.get(on: db)
        let event = try event(meeting, of: application, organiser: organiser, stamp: context.now, publicURL: context.publicURL)
        let time = Messages.MeetingTime(start: meeting.startsAt, durationMinutes: meeting.durationMinutes,
                                        zone: try application.call.schedule().calendar)
        let link = context.publicURL + SiteURL.meeting(try meeting.requireID())
        let invited = people.filter { $0.email != organiser.email }
        let languages = try await User.emailLanguages(of: invited.map(\.email), on: db)
        try await Outbox.enqueue(invited.map { person in
            context.messages.meetingInvitation(in: languages[person.email] ?? .en, to: person.email, name: person.name, purpose: meeting.purpose,
                                               reference: application.reference, time: time, location: meeting.location,
                                               agenda: meeting.agenda, update: update, link: link, event: event)
        }, at: context.now, on: db, logger: context.logger)
    }

    private static func cancelFor(_ people: [Meeting.Participant], meeting: Meeting, application: ApplicationRecord, reason: String,
                                  in context: ServiceContext, on db: any Database) async throws {
        guard !people.isEmpty else { return }
        let organiser = try await meeting.$organiser.get(on: db)
        var event = try event(meeting, of: application, organiser: organiser, stamp: context.now, publicURL: context.publicURL)
        event.method = .cancel
        event.attendees = people.map { CalendarPerson(name: $0.name, email: $0.email) }
        let time = Messages.MeetingTime(start: meeting.startsAt, durationMinutes: meeting.durationMinutes,
                                        zone: try application.call.schedule().calendar)
        let link = context.publicURL + SiteURL.meeting(try meeting.requireID())
        let told = people.filter { $0.email != organiser.email }
        let languages = try await User.emailLanguages(of: told.map(\.email), on: db)
        try await Outbox.enqueue(told.map { person in
            context.messages.meetingCancelled(in: languages[person.email] ?? .en, to: person.email, name: person.name, purpose: meeting.purpose,
                                              reference: application.reference, time: time, agenda: meeting.agenda, reason: reason,
                                              link: link, event: event)
        }, at: context.now, on: db, logger: context.logger)
    }
}
