import Fluent
import S3DeskDomain
import Vapor

/// An authority with its members, as `GET /api/v1/organisation` and the authority's page show it.
struct OrganisationDTO: Content {
    struct Member: Content {
        let id: UUID
        let name: String
        let email: String
        /// False while an invitation has not been accepted.
        let active: Bool
    }

    let id: UUID
    let name: String
    let authorityType: AuthorityType
    let territory: String
    /// Whether its applications may name a territory outside the country of `territory`.
    let otherCountriesAllowed: Bool
    let members: [Member]

    /// The authority `user` acts for, with its members: 404 for an account of no authority.
    static func of(_ user: User, on db: any Database) async throws -> OrganisationDTO {
        guard let id = user.$organisation.id else { throw AppError.notFound("your organisation") }
        return try await find(id, on: db, missing: "your organisation")
    }

    /// An authority by id with its members.
    static func find(_ id: UUID, on db: any Database, missing: String = "authority") async throws -> OrganisationDTO {
        guard let organisation = try await Organisation.query(on: db).filter(\.$id == id).with(\.$members).first() else {
            throw AppError.notFound(missing)
        }
        return OrganisationDTO(
            id: id, name: organisation.name, authorityType: organisation.authorityType, territory: organisation.territory,
            otherCountriesAllowed: organisation.otherCountriesAllowed == true,
            members: try organisation.members.sorted { $0.createdAt < $1.createdAt }.map {
                .init(id: try $0.requireID(), name: $0.name, email: $0.email, active: !$0.passwordHash.isEmpty)
            })
    }
}
