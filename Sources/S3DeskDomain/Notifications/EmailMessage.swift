/// An email to send: plain text, one recipient, and for an invitation its calendar event.
public struct EmailMessage: Sendable, Equatable {
    public let to: String
    public let subject: String
    public let body: String
    public let kind: EmailKind
    /// An iCalendar document sent as the email's `text/calendar` part, so mail programs offer
    /// to add, update or remove the event.
    public let calendar: EmailCalendar?

    public init(to: String, subject: String, body: String, kind: EmailKind, calendar: EmailCalendar? = nil) {
        self.to = to
        self.subject = subject
        self.body = body
        self.kind = kind
        self.calendar = calendar
    }
}

/// The calendar part of an email: `method` is the document's METHOD (REQUEST, CANCEL).
public struct EmailCalendar: Sendable, Equatable {
    public let method: String
    public let text: String

    public init(method: String, text: String) {
        self.method = method
        self.text = text
    }
}
