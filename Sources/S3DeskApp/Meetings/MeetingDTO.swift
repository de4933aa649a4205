import S3DeskDomain
import Vapor

/// The API's view of a meeting; `history` only on the meeting's own address.
struct MeetingDTO: Content {
    struct Revision: Content {
        let sequence: Int
        let change: MeetingRevision.Change
        let startsAt: String
        let durationMinutes: Int
        let location: String
        let note: String
        let at: String
    }

    let id: UUID
    let applicationId: UUID
    let purpose: MeetingPurpose
    let startsAt: String
    let endsAt: String
    let durationMinutes: Int
    let location: String
    let agenda: String
    let participants: [Meeting.Participant]
    let minutes: String
    let held: Bool
    /// A topic-definition meeting after the round's due date.
    let late: Bool
    let sequence: Int
    let cancelled: Bool
    let cancelledAt: String?
    let cancelReason: String?
    let calendarUrl: String
    let history: [Revision]?

    init(_ meeting: Meeting, history: [MeetingRevision]? = nil) throws {
        id = try meeting.requireID()
        applicationId = meeting.$application.id
        purpose = meeting.purpose
        startsAt = Instant.format(meeting.startsAt)
        endsAt = Instant.format(meeting.endsAt)
        durationMinutes = meeting.durationMinutes
        location = meeting.location
        agenda = meeting.agenda
        participants = meeting.participants
        minutes = meeting.minutes
        held = meeting.held
        late = meeting.late
        sequence = meeting.sequence
        cancelled = meeting.cancelledAt != nil
        cancelledAt = meeting.cancelledAt.map(Instant.format)
        cancelReason = meeting.cancelReason
        calendarUrl = APIURL.meetingCalendar(id)
        self.history = history?.map {
            Revision(sequence: $0.sequence, change: $0.change, startsAt: Instant.format($0.startsAt), durationMinutes: $0.durationMinutes,
                     location: $0.location, note: $0.note, at: Instant.format($0.at))
        }
    }
}

/// Why a meeting is cancelled, as the API and the form send it.
struct MeetingCancellation: Content {
    let reason: String?
}

/// A meeting's fields as the API and the form send them; missing ones keep the meeting's
/// current values on a change.
struct MeetingBody: Content {
    var purpose: String?
    var startsAt: String?
    var durationMinutes: Int?
    var location: String?
    var agenda: String?
    var participants: [String]?

    /// The plan, or 422 naming every field that is missing or malformed.
    func plan(over current: Meeting? = nil) throws -> MeetingPlan {
        var errors = FieldErrors()
        let purpose = self.purpose.map { MeetingPurpose(rawValue: $0) } ?? current?.purpose
        if purpose == nil { errors.add("purpose", "must be topic_definition or follow_up") }
        let start = startsAt.map { Instant.parse($0) } ?? current?.startsAt
        if start == nil { errors.add("startsAt", "give the start as an ISO-8601 instant such as 2026-04-14T08:00:00Z") }
        let duration = durationMinutes ?? current?.durationMinutes
        if duration == nil { errors.add("durationMinutes", "give the duration in minutes") }
        let location = self.location ?? current?.location
        if location == nil { errors.add("location", "give the place or the video link") }
        try errors.throwIfAny()
        let others = participants ?? current.map { meeting in meeting.participants.map(\.email) } ?? []
        return MeetingPlan(purpose: purpose!, startsAt: start!, durationMinutes: duration!, location: location!,
                           agenda: agenda ?? current?.agenda ?? "", otherParticipants: others)
    }
}
