import Fluent
import S3DeskDomain
import Vapor

/// `POST /api/v1/accounts` (public self-registration of applicants) and its confirmation.
struct AccountsAPIController: RouteCollection {
    struct RegistrationBody: Content {
        struct OrganisationBody: Content {
            let name: String?
            let authorityType: String?
            let territory: String?
        }

        let email: String?
        let password: String?
        let name: String?
        let organisation: OrganisationBody?

        var input: RegistrationInput {
            RegistrationInput(email: email, password: password, name: name, organisationName: organisation?.name,
                              authorityType: organisation?.authorityType, territory: organisation?.territory)
        }
    }

    struct Created: Content {
        let id: UUID
    }

    struct ConfirmBody: Content {
        let token: String
    }

    struct Confirmed: Content {
        let id: UUID
        let emailConfirmed: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(APIURL.accounts.pathComponents, use: register)
        routes.post(APIURL.accountConfirmation.pathComponents, use: confirm)
    }

    @Sendable
    func register(req: Request) async throws -> Response {
        let id = try await Registrations.register(try req.content.decode(RegistrationBody.self).input, language: req.language, client: req.clientAddress,
                                                   throttle: req.application.loginThrottle, in: req.services)
        return try await Created(id: id).encodeResponse(status: .created, for: req)
    }

    @Sendable
    func confirm(req: Request) async throws -> Confirmed {
        let user = try await Registrations.confirm(token: try req.content.decode(ConfirmBody.self).token, in: req.services)
        return Confirmed(id: try user.requireID(), emailConfirmed: true)
    }
}
