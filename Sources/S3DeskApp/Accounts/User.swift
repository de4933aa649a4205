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

/// The API's view of a user: never the password hash.
struct UserDTO: Content {
    let id: UUID
    let email: String
    let name: String
    let role: Role
    let organisationId: UUID?
    let emailConfirmed: Bool

    init(_ user: User) throws {
        self.id = try user.requireID()
        self.email = user.email
        self.name = user.name
        self.role = user.role
        self.organisationId = user.$organisation.id
        self.emailConfirmed = user.emailConfirmedAt != nil
    }
}
