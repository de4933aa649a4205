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

    init() {}

    init(id: UUID? = nil, email: String, name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

extension User: ModelSessionAuthenticatable {}

/// The API's view of a user: never the password hash.
struct UserDTO: Content {
    let id: UUID
    let email: String
    let name: String
    let role: Role

    init(_ user: User) throws {
        self.id = try user.requireID()
        self.email = user.email
        self.name = user.name
        self.role = user.role
    }
}
