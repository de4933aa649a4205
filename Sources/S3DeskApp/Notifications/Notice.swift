import Fluent
import S3DeskDomain
import Vapor

/// One thing that happened to a person's applications or assignments: the same event as the
/// email (`Outbox.enqueue` writes both), kept for their list of notices until they read it.
final class Notice: Model, @unchecked Sendable {
    static let schema = "notices"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Enum(key: "kind") var kind: EmailKind
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    /// The page the email links to, as a path on this site.
    @OptionalField(key: "link") var link: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(userID: UUID, message: EmailMessage, at now: Date) {
        $user.id = userID
        kind = message.kind
        subject = message.subject
        body = message.body
        link = Self.firstLink(in: message.body)
        createdAt = now
    }

    /// The first page of this site an email's body links to, as a path. People's own words
    /// come into emails too (a reason, a meeting's place), so an address counts only when its
    /// path starts at one of the site's areas, and never as `//…`, which a browser reads as
    /// another site.
    static func firstLink(in body: String) -> String? {
        for match in body.matches(of: /https?:\/\/[^\s]+/) {
            guard let url = URLComponents(string: String(match.output)), url.path.hasPrefix("/"), !url.path.hasPrefix("//"),
                  let area = url.path.split(separator: "/").first, siteAreas.contains(String(area)) else { continue }
            return url.path + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
        }
        return nil
    }

    /// The first segment of every page an email links to.
    static let siteAreas: Set<String> = ["applications", "staff", "accounts", "invitations", "password-reset", "notices", "expert",
                                         "organisation", "calls", "login"]
}

struct NoticeDTO: Content {
    let id: UUID
    let kind: String
    let label: String
    let subject: String
    let body: String
    let link: String?
    let createdAt: String
    let readAt: String?

    init(_ notice: Notice) throws {
        id = try notice.requireID()
        kind = notice.kind.rawValue
        label = notice.kind.label
        subject = notice.subject
        body = notice.body
        link = notice.link
        createdAt = Instant.format(notice.createdAt)
        readAt = notice.readAt.map(Instant.format)
    }
}
