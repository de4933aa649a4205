import Foundation

/// What a meeting of an assignment is for.
public enum MeetingPurpose: String, CaseIterable, Codable, Sendable {
    /// Defines the topics with the region; due within a month of the cut-off.
    case topicDefinition = "topic_definition"
    /// Any later meeting of the assignment.
    case followUp = "follow_up"

    public var label: String {
        switch self {
        case .topicDefinition: "Topic-definition meeting"
        case .followUp: "Meeting of the assignment"
        }
    }
}

/// A meeting as the secretariat plans it, before it is stored.
public struct MeetingPlan: Sendable, Equatable {
    public var purpose: MeetingPurpose
    public var startsAt: Date
    public var durationMinutes: Int
    /// A place, or a video link.
    public var location: String
    public var agenda: String
    /// Addresses invited beside the region's members, the expert and the organiser.
    public var otherParticipants: [String]

    public init(purpose: MeetingPurpose, startsAt: Date, durationMinutes: Int, location: String, agenda: String,
                otherParticipants: [String]) {
        self.purpose = purpose
        self.startsAt = startsAt
        self.durationMinutes = durationMinutes
        self.location = location
        self.agenda = agenda
        self.otherParticipants = otherParticipants
    }
}

public enum MeetingRules {
    public static let durations = 15...480
    public static let locationLength = 1...500
    public static let agendaLength = 0...5_000
    public static let minutesLength = 0...20_000
    public static let reasonLength = 3...1_000
    /// A change sends the current participants back as addresses, so the bound leaves room for a
    /// large region's members besides the guests.
    public static let maxOtherParticipants = 100

    /// What is wrong with a plan, by field (the API's names).
    public static func problems(_ plan: MeetingPlan) -> FieldErrors {
        var errors = FieldErrors()
        if !durations.contains(plan.durationMinutes) {
            errors.add("durationMinutes", "a meeting lasts 15 to 480 minutes")
        }
        let location = plan.location.trimmingCharacters(in: .whitespacesAndNewlines)
        if !locationLength.contains(location.count) {
            errors.add("location", "give the place or the video link, in up to 500 characters")
        }
        if !agendaLength.contains(plan.agenda.count) {
            errors.add("agenda", "the agenda takes up to 5,000 characters")
        }
        if plan.otherParticipants.count > maxOtherParticipants {
            errors.add("participants", "invite at most \(maxOtherParticipants) other participants")
        }
        let invalid = plan.otherParticipants.filter { Credentials.normalisedEmail($0) == nil }
        if !invalid.isEmpty {
            errors.add("participants", "not email addresses: " + invalid.prefix(5).map { "“\($0)”" }.joined(separator: ", "))
        }
        return errors
    }

    /// A topic-definition meeting on a day after the round's due date (in the call's time zone)
    /// is allowed and flagged late; later meetings of the assignment have no due date.
    public static func isLate(_ purpose: MeetingPurpose, startsAt: Date, due: CivilDate, calendar: ZonedCalendar) -> Bool {
        purpose == .topicDefinition && calendar.civilDate(of: startsAt) > due
    }
}
