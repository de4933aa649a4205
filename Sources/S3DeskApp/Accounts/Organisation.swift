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
    /// Set by an administrator for an authority that manages a territory across a border: its
    /// applications may then name one outside the country of `territory`. Nil counts as false.
    @OptionalField(key: "other_countries_allowed") var otherCountriesAllowed: Bool?
    @Children(for: \.$organisation) var members: [User]

    init() {}

    /// The country whose territories its applications name, unless other countries are allowed.
    var homeCountry: String? {
        otherCountriesAllowed == true ? nil : String(territory.prefix(2))
    }
}
