import Fluent
import Foundation
import S3DeskDomain

extension MeetingPage {
    static func load(_ found: MeetingContext, for user: User, layout: Layout, csrfToken: String, input: Input,
                     wording: Wording, on db: any Database) async throws -> MeetingPage {
        let (meeting, application) = (found.meeting, found.application)
        let id = try meeting.requireID()
        let calendar = try application.call.schedule().calendar
        let policy = found.policy(for: user)
        let revisions = try await meeting.$revisions.query(on: db).with(\.$actor).sort(\.$sequence).sort(\.$at).all()
        let others = meeting.participants.map(\.email).filter { email in
            !(meeting.$organiser.id == user.id && email == user.email)
        }
        return MeetingPage(
            layout: layout.with(Breadcrumbs(
                try AssignmentPage.crumbs(above: application, for: user, wording: wording)
                    + [(AssignmentPage.heading(of: application, wording: wording), SiteURL.assignmentOf(try application.requireID()))],
                current: "\(wording.label(meeting.purpose)), \(application.reference)")),
            csrfToken: csrfToken, title: wording.label(meeting.purpose), reference: application.reference,
            when: calendar.describe(start: meeting.startsAt, durationMinutes: meeting.durationMinutes, in: wording.language),
            startsAt: Instant.format(meeting.startsAt), location: meeting.location, agenda: meeting.agenda,
            participants: meeting.participants, late: meeting.late, held: meeting.held, cancelled: meeting.cancelledAt != nil,
            cancelReason: meeting.cancelReason.map(wording.translatedWhole), minutes: meeting.minutes, calendarURL: SiteURL.meetingCalendar(id),
            history: zip(revisions, [nil] + revisions.map(Optional.some)).map { revision, previous in
                Revision(change: wording(revision.change.textKey), sequence: revision.sequence,
                         when: calendar.describe(start: revision.startsAt, durationMinutes: revision.durationMinutes, in: wording.language),
                         location: revision.location, note: note(of: revision, after: previous, in: calendar, wording: wording),
                         at: wording.time(revision.at, in: calendar), actor: revision.actor?.name ?? "S3Desk")
            },
            timeZone: wording.zoneName(calendar.timeZone),
            changeAction: policy.canChange ? SiteURL.meeting(id) : nil,
            changeForm: input.change ?? MeetingForm(purpose: meeting.purpose.rawValue, startsAt: calendar.localInput(meeting.startsAt),
                                                    durationMinutes: String(meeting.durationMinutes), location: meeting.location,
                                                    agenda: meeting.agenda, participants: others.joined(separator: "\n")),
            changeErrors: input.changeErrors,
            cancelAction: policy.canChange ? SiteURL.meetingCancellation(id) : nil, cancelReasonInput: input.cancelReason,
            minutesAction: policy.canRecordMinutes ? SiteURL.meetingMinutes(id) : nil, minutesInput: input.minutes ?? meeting.minutes,
            errors: input.errors, refusal: input.refusal)
    }
}

extension MeetingPage {
    /// The notes S3Desk writes itself ("held", "moved from …", stored in English for the API) in
    /// the reader's language, worded from the revisions; a reason someone typed stays as typed.
    private static func note(of revision: MeetingRevision, after previous: MeetingRevision?, in calendar: ZonedCalendar,
                             wording: Wording) -> String {
        switch revision.change {
        case .minutes:
            return wording(revision.note == "held" ? AssignmentText.meetingNoteHeld : .meetingNoteNotHeld)
        case .rescheduled:
            guard let previous, previous.startsAt != revision.startsAt else { return "" }
            return wording(AssignmentText.meetingNoteMovedFrom, wording.moment(previous.startsAt, in: calendar))
        case .cancelled:
            return wording.translatedWhole(revision.note)
        case .scheduled:
            return revision.note
        }
    }
}

extension MeetingRevision.Change {
    /// The change's name in the catalogue.
    var textKey: AssignmentText {
        switch self {
        case .scheduled: .meetingRevisionScheduled
        case .rescheduled: .meetingRevisionRescheduled
        case .cancelled: .meetingRevisionCancelled
        case .minutes: .meetingRevisionMinutes
        }
    }
}
