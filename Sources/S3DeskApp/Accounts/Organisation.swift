import Fluent
import S3DeskDomain
import Vapor

/// An authority that applies: its members see its applications and nobody else's.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Enum(key: "authority_type") var authorityType: AuthorityType
    /// A NUTS-2 code, or a country code for a national S3.
    @Field(key: "territory") var territory: String
    @Field(key: "created_at") var createdAt: Date
    @Children(for: \.$organisation) var members: [User]

    init() {}
}
