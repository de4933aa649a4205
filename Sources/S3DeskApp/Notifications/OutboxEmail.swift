import Fluent
import S3DeskDomain
import Vapor

/// An email as a row first: it survives a restart, and the delivery worker sends it later.
final class OutboxEmail: Model, @unchecked Sendable {
    static let schema = "outbox_emails"

    enum Status: String, Codable {
        case queued
        case sent
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Enum(key: "kind") var kind: EmailKind
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    /// Real time, not the business clock: with a pinned clock a retry would never fall due.
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "calendar_method") var calendarMethod: String?
    @OptionalField(key: "calendar") var calendar: String?
    /// Set while a delivery worker holds the email; once it lapses, another worker may take it.
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    /// Which pass of which worker holds the lease: only that pass may renew it or record the outcome.
    @OptionalField(key: "claim") var claim: UUID?

    init() {}

    /// The email as the transport sends it.
    var message: EmailMessage {
        EmailMessage(to: recipient, subject: subject, body: body, kind: kind,
                     calendar: calendar.map { EmailCalendar(method: calendarMethod ?? "REQUEST", text: $0) })
    }

    /// The body as `viewer` may read it: one-time links hidden from everyone but an administrator
    /// on a development server, where without SMTP the outbox is the only way to confirm an account.
    func body(for viewer: User, in environment: Environment) -> String {
        viewer.role == .admin && environment == .development ? body : OneTimeLinks.redacted(body)
    }
}

struct OutboxEmailDTO: Content {
    let id: UUID
    let to: String
    let subject: String
    let body: String
    let kind: String
    let status: OutboxEmail.Status
    let attempts: Int
    let lastError: String?
    let createdAt: String
    let sentAt: String?

    init(_ email: OutboxEmail, for viewer: User, in environment: Environment) throws {
        self.id = try email.requireID()
        self.to = email.recipient
        self.subject = email.subject
        self.body = email.body(for: viewer, in: environment)
        self.kind = email.kind.rawValue
        self.status = email.status
        self.attempts = email.attempts
        self.lastError = email.lastError
        self.createdAt = Instant.format(email.createdAt)
        self.sentAt = email.sentAt.map(Instant.format)
    }
}

enum Outbox {
    /// Queues `message`; call with the transaction's database so the email exists only if the
    /// change that caused it commits.
    static func enqueue(_ message: EmailMessage, at now: Date, on db: any Database, logger: Logger) async throws {
        try await enqueue([message], at: now, on: db, logger: logger)
    }

    /// Queues many emails with a few inserts (a round's decisions reach every applicant of it).
    /// Each also becomes its recipient's notice (`Notices.record`), and an optional one they
    /// turned off is not sent.
    static func enqueue(_ notified: [EmailMessage], at now: Date, on db: any Database, logger: Logger) async throws {
        guard !notified.isEmpty else { return }
        let messages = try await Notices.record(notified, at: now, on: db)
        guard !messages.isEmpty else { return }
        let emails = messages.map { message in
            let email = OutboxEmail()
            email.recipient = message.to
            email.subject = message.subject
            email.body = message.body
            email.kind = message.kind
            email.calendarMethod = message.calendar?.method
            email.calendar = message.calendar?.text
            email.status = .queued
            email.attempts = 0
            email.nextAttemptAt = Date()
            email.createdAt = now
            return email
        }
        try await emails.createInBatches(on: db)
        // Readable in the log too, so a server without SMTP still shows what it would send; but
        // never a one-time link, since logs travel further than the outbox.
        for message in messages {
            logger.info("email queued", metadata: [
                "to": "\(message.to)", "subject": "\(message.subject)", "kind": "\(message.kind)",
                "body": "\(OneTimeLinks.redacted(message.body))",
            ])
        }
    }
}
