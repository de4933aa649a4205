import Foundation

/// Someone named in a calendar invitation: the organiser or an attendee.
public struct CalendarPerson: Sendable, Equatable {
    public let name: String
    public let email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// One version of a meeting as a calendar invitation (RFC 5545 VEVENT, RFC 5546 method).
///
/// Calendars match an update or a cancellation to the invitation they already hold by `uid`, and
/// apply it only when `sequence` is higher than what they have, so the caller keeps the UID of a
/// meeting for its whole life and raises the sequence with every change it sends.
public struct CalendarEvent: Sendable, Equatable {
    public enum Method: String, Sendable {
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    /// Globally unique and stable across updates, e.g. "<meeting uuid>@s3desk".
    public var uid: String
    public var sequence: Int
    public var method: Method
    public var start: Date
    public var durationMinutes: Int
    /// The call's zone: the invitation shows the wall-clock time there and keeps it across a
    /// summer-time change in the attendee's own zone.
    public var timeZone: TimeZone
    public var summary: String
    public var description: String
    public var location: String
    public var url: String?
    public var organizer: CalendarPerson
    public var attendees: [CalendarPerson]
    /// DTSTAMP: when this version was made (from the service's clock, not `Date()`).
    public var stamp: Date

    public init(uid: String, sequence: Int, method: Method, start: Date, durationMinutes: Int,
                timeZone: TimeZone, summary: String, description: String, location: String,
                url: String? = nil, organizer: CalendarPerson, attendees: [CalendarPerson], stamp: Date) {
        self.uid = uid
        self.sequence = sequence
        self.method = method
        self.start = start
        self.durationMinutes = durationMinutes
        self.timeZone = timeZone
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.organizer = organizer
        self.attendees = attendees
        self.stamp = stamp
    }

    /// Counted in elapsed time, so a meeting across a summer-time change lasts what was asked,
    /// whatever the wall clock says.
    public var end: Date {
        start.addingTimeInterval(TimeInterval(durationMinutes * 60))
    }
}
