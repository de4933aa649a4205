import Foundation
import S3DeskDomain

/// The emails of the way from selection to launch: meetings, the scope, the expert, the launch,
/// and the secretariat's reminders of the round's dates.
extension Messages {
    /// When and where a meeting takes place, as its invitation and its cancellation say it.
    struct MeetingTime: Sendable {
        let start: Date
        let durationMinutes: Int
        /// The call's zone, whose clocks the invitation reads.
        let zone: ZonedCalendar

        func words(in language: Language) -> String {
            zone.describe(start: start, durationMinutes: durationMinutes, in: language)
        }
    }

    /// An invitation, or with `update` the new version of one, with its calendar event.
    /// - Parameter event: the meeting's event; its summary and description are written again in `language`.
    func meetingInvitation(in language: Language, to email: String, name: String, purpose: MeetingPurpose, reference: String,
                           time: MeetingTime, location: String, agenda: String, update: Bool, link: String,
                           event: CalendarEvent) -> EmailMessage {
        let opening: String
        if update {
            opening = text(EmailText.meetingChanged, in: language)
        } else {
            let invited: EmailText = switch purpose {
            case .topicDefinition: EmailText.meetingInvitedTopicDefinition
            case .followUp: EmailText.meetingInvitedFollowUp
            }
            opening = text(invited, in: language, [reference])
        }
        let agendaBlock = agenda.isEmpty ? "" : "\n" + text(EmailText.meetingAgenda, in: language, [agenda]) + "\n"
        return EmailMessage(
            to: email,
            subject: text(update ? EmailText.meetingChangedSubject : EmailText.meetingSubject, in: language, [label(purpose, in: language), reference]),
            body: text(EmailText.meetingBody, in: language, [name, opening, time.words(in: language), location, agendaBlock, link]),
            kind: update ? .meetingUpdated : .meetingInvitation,
            calendar: calendar(event, purpose: purpose, reference: reference, agenda: agenda, link: link, in: language))
    }

    /// - Parameters:
    ///   - agenda: the meeting's, which its event describes.
    ///   - event: the cancelled meeting's event (method CANCEL).
    func meetingCancelled(in language: Language, to email: String, name: String, purpose: MeetingPurpose, reference: String,
                          time: MeetingTime, agenda: String, reason: String, link: String, event: CalendarEvent) -> EmailMessage {
        let cancelled: EmailText = switch purpose {
        case .topicDefinition: EmailText.meetingCancelledTopicDefinition
        case .followUp: EmailText.meetingCancelledFollowUp
        }
        return EmailMessage(
            to: email, subject: text(EmailText.meetingCancelledSubject, in: language, [label(purpose, in: language), reference]),
            body: text(EmailText.meetingCancelledBody, in: language, [
                name, text(cancelled, in: language, [reference, time.words(in: language)]), translated(reason, in: language), link,
            ]),
            kind: .meetingCancelled, calendar: calendar(event, purpose: purpose, reference: reference, agenda: agenda, link: link, in: language))
    }

    /// The event as the recipient's calendar shows it: only its human text, the title and the
    /// description, is in their language; everything else stays as the meeting made it.
    private func calendar(_ event: CalendarEvent, purpose: MeetingPurpose, reference: String, agenda: String, link: String,
                          in language: Language) -> EmailCalendar {
        var event = event
        event.summary = text(EmailText.calendarSummary, in: language, [label(purpose, in: language), reference])
        event.description = [agenda, text(EmailText.calendarDescription, in: language, [reference, link])]
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
        return EmailCalendar(method: event.method.rawValue, text: ICalendar.document(event))
    }

    func scopeToConfirm(in language: Language, to email: String, name: String, reference: String, changed: Bool, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(changed ? EmailText.scopeChangedSubject : EmailText.scopeSubject, in: language, [reference]),
                     body: text(changed ? EmailText.scopeChangedBody : EmailText.scopeBody, in: language, [name, reference, link]),
                     kind: .scopeToConfirm)
    }

    func expertAssigned(in language: Language, to email: String, name: String, reference: String, region: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.expertAssignedSubject, in: language, [reference]),
                     body: text(EmailText.expertAssignedBody, in: language, [name, reference, region, link]), kind: .expertAssigned)
    }

    func assignmentLaunched(in language: Language, to email: String, name: String, reference: String, launchDate: CivilDate,
                            plannedEnd: CivilDate, expert: String, budget: Int, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.launchedSubject, in: language, [reference]),
                     body: text(EmailText.launchedBody, in: language, [
                         name, reference, DateWording.long(launchDate, in: language), expert, NumberWording.integer(budget, in: language),
                         DateWording.long(plannedEnd, in: language), link,
                     ]), kind: .assignmentLaunched)
    }

    /// - Parameters:
    ///   - round: the round in words (`round(_:of:cutoff:in:)`).
    ///   - lines: one per application, with its link.
    func meetingsToPlan(in language: Language, to email: String, name: String, round: String, due: CivilDate, lines: [String]) -> EmailMessage {
        let due = DateWording.long(due, in: language)
        return EmailMessage(to: email, subject: text(lines.count == 1 ? EmailText.meetingsToPlanSubjectOne : EmailText.meetingsToPlanSubjectOther,
                                                     in: language, [due, NumberWording.integer(lines.count, in: language)]),
                            body: text(EmailText.meetingsToPlanBody, in: language, [name, round, due, Self.list(lines)]), kind: .meetingsToPlan)
    }

    func launchesDue(in language: Language, to email: String, name: String, round: String, due: CivilDate, lines: [String]) -> EmailMessage {
        let due = DateWording.long(due, in: language)
        return EmailMessage(to: email, subject: text(lines.count == 1 ? EmailText.launchesDueSubjectOne : EmailText.launchesDueSubjectOther,
                                                     in: language, [due, NumberWording.integer(lines.count, in: language)]),
                            body: text(EmailText.launchesDueBody, in: language, [name, round, due, Self.list(lines)]), kind: .launchesDue)
    }

    /// Lines as an email lists them, one "- " each.
    static func list(_ lines: [String]) -> String {
        lines.map { "- \($0)" }.joined(separator: "\n")
    }
}
