import Fluent
import S3DeskDomain
import Vapor

/// The applicant's organisation, invitations, and password reset through the API.
struct OrganisationAPIController: RouteCollection {
    struct EmailBody: Content {
        let email: String
    }

    struct AcceptBody: Content {
        let token: String
        let name: String
        let password: String
    }

    struct NewPasswordBody: Content {
        let token: String
        let password: String
    }

    struct Accepted: Content {
        let status: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIURL.organisation.pathComponents, use: organisation)
        routes.post(APIURL.invitations.pathComponents, use: invite)
        routes.post(APIURL.invitationAcceptance.pathComponents, use: accept)
        routes.post(APIURL.passwordReset.pathComponents, use: requestReset)
        routes.post(APIURL.passwordResetConfirmation.pathComponents, use: completeReset)
    }

    @Sendable
    func organisation(req: Request) async throws -> OrganisationDTO {
        try await OrganisationDTO.of(req.requireUser(), on: req.db)
    }

    @Sendable
    func invite(req: Request) async throws -> Response {
        let user = try await Invitations.invite(email: try req.content.decode(EmailBody.self).email, by: req.requireUser(), in: req.services)
        return try await UserDTO(user).encodeResponse(status: .created, for: req)
    }

    @Sendable
    func accept(req: Request) async throws -> UserDTO {
        let body = try req.content.decode(AcceptBody.self)
        return try UserDTO(try await Invitations.accept(token: body.token, name: body.name, password: body.password, in: req.services))
    }

    @Sendable
    func requestReset(req: Request) async throws -> Response {
        try await PasswordResets.request(email: try req.content.decode(EmailBody.self).email, client: req.clientAddress,
                                    throttle: req.application.loginThrottle, in: req.services)
        return try await Accepted(status: "if the address has an account, a reset link is on its way")
            .encodeResponse(status: .accepted, for: req)
    }

    @Sendable
    func completeReset(req: Request) async throws -> UserDTO {
        let body = try req.content.decode(NewPasswordBody.self)
        return try UserDTO(try await PasswordResets.complete(token: body.token, password: body.password, in: req.services))
    }
}
