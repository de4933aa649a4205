import Fluent
import S3DeskDomain
import Vapor

/// A person who signs in: staff, expert or applicant.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Stored normalised (trimmed, lower-cased) so sign-in ignores how it was typed.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Enum(key: "role") var role: Role
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "created_at") var createdAt: Date
    /// The authority an applicant belongs to; staff and experts have none.
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    /// Nil until the address is confirmed; an unconfirmed applicant cannot submit.
    @OptionalField(key: "email_confirmed_at") var emailConfirmedAt: Date?
    /// Notices not yet read, recounted whenever one is added or read (`Notices`), so the header
    /// shows it without a query. Never written through the model: nil until loaded.
    @OptionalField(key: "unread_notices") var unreadNotices: Int?
    /// Set by an administrator: the account can no longer sign in, and any session or token it
    /// had stops working. Its name stays on what it did.
    @OptionalField(key: "deactivated_at") var deactivatedAt: Date?
    /// A web session signs the person in only while it carries this number (`WebSessions`);
    /// nil counts as 0. A password change moves it on.
    @OptionalField(key: "session_generation") var sessionGeneration: Int?
    /// The optional emails the person turned off; nil while they changed nothing.
    @OptionalField(key: "email_choices") var emailChoices: EmailChoices?
    /// The language the person chose for the pages and their emails; nil follows the browser.
    @OptionalEnum(key: "language") var language: Language?
    /// Set when the person had their account erased: the row stays, for what names it by id,
    /// with nothing left that says who they were.
    @OptionalField(key: "erased_at") var erasedAt: Date?
    /// The base32 secret of the person's authenticator app once they confirmed a code from it
    /// (`TwoFactorAccounts`); nil signs in on the password alone.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    /// A secret shown for scanning and not yet confirmed: it signs nobody in.
    @OptionalField(key: "totp_pending_secret") var totpPendingSecret: String?
    /// The time step of the last code accepted: a code is good once, even inside its 30 seconds.
    @OptionalField(key: "totp_last_counter") var totpLastCounter: Int64?

    init() {}

    init(email: String, name: String, role: Role, passwordHash: String, createdAt: Date,
         organisationID: UUID? = nil, emailConfirmedAt: Date? = nil) {
        self.email = email
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.$organisation.id = organisationID
        self.emailConfirmedAt = emailConfirmedAt
    }
}

extension User: ModelSessionAuthenticatable {}

extension User {
    var isActive: Bool { deactivatedAt == nil }
    var usesSecondFactor: Bool { totpSecret != nil }
}

/// The optional kinds of email (`EmailKind.isOptional`) a person does not want; one JSON document.
struct EmailChoices: Codable, Sendable, Equatable {
    var off: [EmailKind]
}

/// The API's view of a user: never the password hash.
struct UserDTO: Content {
    let id: UUID
    let email: String
    let name: String
    let role: Role
    let organisationId: UUID?
    let emailConfirmed: Bool
    let active: Bool
    /// Signs in with a code from an authenticator app besides the password.
    let twoFactor: Bool
    /// The language the person chose for the pages and their emails; nil follows the browser.
    let language: Language?

    init(_ user: User) throws {
        self.id = try user.requireID()
        self.email = user.email
        self.name = user.name
        self.role = user.role
        self.organisationId = user.$organisation.id
        self.emailConfirmed = user.emailConfirmedAt != nil
        self.active = user.isActive
        self.twoFactor = user.usesSecondFactor
        self.language = user.language
    }
}
