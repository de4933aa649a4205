import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/users`: the administrators' list of accounts, staff invitations, role changes,
/// deactivation and reactivation; and an authority's allowance of other countries.
struct UsersAPIController: RouteCollection {
    struct InviteBody: Content {
        let email: String?
        let name: String?
        let role: String?
        let language: String?
    }

    struct ChangeBody: Content {
        let role: String?
        let active: Bool?
    }

    struct AllowanceBody: Content {
        let otherCountriesAllowed: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        let admins = routes.grouped(CapabilityGuard(capability: .manageUsers))
        admins.get(APIURL.users.pathComponents, use: list)
        admins.post(APIURL.users.pathComponents, use: invite)
        admins.get(APIURL.user.path, use: show)
        admins.patch(APIURL.user.path, use: change)
        admins.patch(APIURL.organisationByID.path, use: changeAllowance)
        admins.delete(APIURL.userTwoFactor.path, use: resetSecondFactor)
    }

    /// For someone who lost both their phone and their recovery codes.
    @Sendable
    func resetSecondFactor(req: Request) async throws -> UserDTO {
        let account = try await find(req)
        return try UserDTO(try await StaffAccounts.resetSecondFactor(of: try account.requireID(), by: try req.requireUser(), in: req.services))
    }

    @Sendable
    func list(req: Request) async throws -> ListPage<UserDTO> {
        let (users, total) = try await StaffAccounts.list(try UserSearch(from: req).filters, page: PageRequest(from: req), on: req.db)
        return ListPage(items: try users.map(UserDTO.init), total: total)
    }

    @Sendable
    func invite(req: Request) async throws -> Response {
        let body = try req.content.decode(InviteBody.self)
        let user = try await StaffAccounts.invite(email: body.email ?? "", name: body.name ?? "", role: body.role.flatMap(Role.init(rawValue:)),
                                                  language: body.language, by: try req.requireUser(), in: req.services)
        let response = try await UserDTO(user).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIURL.user(try user.requireID()))
        return response
    }

    @Sendable
    func show(req: Request) async throws -> UserDTO {
        try UserDTO(try await find(req))
    }

    /// The role first, then the state: `{role, active: false}` demotes and deactivates in one call.
    @Sendable
    func change(req: Request) async throws -> UserDTO {
        let body = try req.content.decode(ChangeBody.self)
        let account = try await find(req)
        var role: Role?
        if let name = body.role {
            guard let known = Role(rawValue: name) else { throw AppError.invalidField("role", "choose one of admin, secretariat or commission") }
            role = known
        }
        return try UserDTO(try await StaffAccounts.change(try account.requireID(), role: role, active: body.active, by: try req.requireUser(),
                                                          in: req.services))
    }

    @Sendable
    func changeAllowance(req: Request) async throws -> OrganisationDTO {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("authority") }
        let body = try req.content.decode(AllowanceBody.self)
        try await OrganisationAllowances.allowOtherCountries(body.otherCountriesAllowed, for: id, by: try req.requireUser(), in: req.services)
        return try await OrganisationDTO.find(id, on: req.db)
    }

    private func find(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: req.db) else {
            throw AppError.notFound("account")
        }
        return user
    }
}
