import Fluent
import S3DeskDomain
import Vapor

/// A meeting of a selected application: the topic-definition meeting, then those of its assignment.
final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"

    struct Participant: Codable, Equatable, Sendable {
        let email: String
        let name: String
    }

    /// One JSON document: a bare array of objects would be `jsonb[]` on PostgreSQL.
    struct Participants: Codable, Sendable {
        var people: [Participant]
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Enum(key: "purpose") var purpose: MeetingPurpose
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "location") var location: String
    @Field(key: "agenda") var agenda: String
    @Field(key: "participants") var storedParticipants: Participants
    @Field(key: "minutes") var minutes: String
    @Field(key: "held") var held: Bool
    /// A topic-definition meeting after the round's due date; kept with the time it is for.
    @Field(key: "late") var late: Bool
    /// The iCalendar SEQUENCE: raised by every change the invitees are sent.
    @Field(key: "sequence") var sequence: Int
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @Parent(key: "organiser_id") var organiser: User
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Children(for: \.$meeting) var revisions: [MeetingRevision]

    init() {}

    var participants: [Participant] {
        get { storedParticipants.people }
        set { storedParticipants = Participants(people: newValue) }
    }

    var endsAt: Date { startsAt.addingTimeInterval(Double(durationMinutes) * 60) }

    /// Stable across every update, so calendars replace the event instead of adding one.
    var calendarUID: String { "\(id?.uuidString.lowercased() ?? "")@s3desk" }

    func isParticipant(_ user: User) -> Bool {
        participants.contains { $0.email == user.email }
    }

    /// What `user` may do with this meeting; `application` and `expertUserID` are those it belongs to.
    func policy(for user: User, application: ApplicationRecord, expertUserID: UUID?) -> MeetingPolicy {
        MeetingPolicy(role: user.role, isMember: ApplicationAccess.isMember(user, of: application),
                      isAssignedExpert: user.role == .expert && expertUserID != nil && expertUserID == user.id,
                      isParticipant: isParticipant(user), cancelled: cancelledAt != nil)
    }
}

/// One step of a meeting's history: scheduled, rescheduled, changed, cancelled, held. Only inserted.
final class MeetingRevision: Model, @unchecked Sendable {
    static let schema = "meeting_revisions"

    enum Change: String, Codable, Sendable {
        case scheduled
        case rescheduled
        case cancelled
        case minutes

        var label: String {
            switch self {
            case .scheduled: "Scheduled"
            case .rescheduled: "Changed"
            case .cancelled: "Cancelled"
            case .minutes: "Minutes recorded"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Field(key: "sequence") var sequence: Int
    @Enum(key: "change") var change: Change
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "location") var location: String
    @Field(key: "note") var note: String
    @OptionalParent(key: "actor_id") var actor: User?
    @Field(key: "at") var at: Date

    init() {}

    init(of meeting: Meeting, change: Change, note: String, actor: User, at now: Date) throws {
        $meeting.id = try meeting.requireID()
        sequence = meeting.sequence
        self.change = change
        startsAt = meeting.startsAt
        durationMinutes = meeting.durationMinutes
        location = meeting.location
        self.note = note
        $actor.id = try actor.requireID()
        at = now
    }
}
