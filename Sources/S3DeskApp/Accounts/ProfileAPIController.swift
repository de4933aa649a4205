import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/me`: the signed-in person changes their own name, password and address, and
/// downloads their data.
struct ProfileAPIController: RouteCollection {
    /// Each field is optional: what is given changes. A body with neither is refused for the name, as before the language was added.
    struct ProfileBody: Content {
        let name: String?
        /// `en`, `fr` or `de`: the language of the person's pages (when their browser chooses none) and emails.
        let language: String?
    }

    struct PasswordBody: Content {
        let currentPassword: String?
        let newPassword: String?
    }

    struct EmailBody: Content {
        let email: String?
        let password: String?
    }

    struct TokenBody: Content {
        let token: String?
    }

    struct ErasureBody: Content {
        let password: String?
        /// The authenticator app's code, for an account with two-factor sign-in.
        let code: String?
    }

    struct Accepted: Content {
        let status: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.patch(APIURL.me.pathComponents, use: rename)
        routes.post(APIURL.myPassword.pathComponents, use: changePassword)
        routes.post(APIURL.myEmail.pathComponents, use: changeEmail)
        routes.post(APIURL.myEmailConfirmation.pathComponents, use: confirmEmail)
        routes.post(APIURL.myDataExport.pathComponents, use: export)
        routes.post(APIURL.mySessionsEnd.pathComponents, use: endOtherSessions)
        routes.post(APIURL.myErasure.pathComponents, use: erase)
    }

    /// Erases the caller's account; the token of the call ends with it.
    @Sendable
    func erase(req: Request) async throws -> Accepted {
        let body = try req.content.decode(ErasureBody.self)
        try await AccountErasure.erase(try req.requireUser(), password: body.password ?? "", code: body.code,
                                       limits: req.passwordCheckLimits, in: req.services)
        return Accepted(status: "the account is erased")
    }

    @Sendable
    func rename(req: Request) async throws -> UserDTO {
        let user = try req.requireUser()
        let body = try req.content.decode(ProfileBody.self)
        return try UserDTO(try await Profiles.update(user, name: body.language == nil ? body.name ?? "" : body.name, language: body.language,
                                                     in: req.services))
    }

    @Sendable
    func changePassword(req: Request) async throws -> UserDTO {
        let user = try req.requireUser()
        let body = try req.content.decode(PasswordBody.self)
        return try UserDTO(try await Profiles.changePassword(of: user, current: body.currentPassword ?? "", new: body.newPassword ?? "",
                                                             keepingToken: req.headers.bearerAuthorization?.token,
                                                             guard: req.passwordCheckLimits, in: req.services))
    }

    @Sendable
    func changeEmail(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let body = try req.content.decode(EmailBody.self)
        try await Profiles.requestEmailChange(of: user, to: body.email ?? "", password: body.password ?? "", guard: req.passwordCheckLimits, in: req.services)
        return try await Accepted(status: "a link to confirm the change is on its way to the new address")
            .encodeResponse(status: .accepted, for: req)
    }

    struct Ended: Content {
        let apiTokensEnded: Int
    }

    @Sendable
    func endOtherSessions(req: Request) async throws -> Ended {
        Ended(apiTokensEnded: try await Profiles.endOtherSessions(of: try req.requireUser(), keepingToken: req.headers.bearerAuthorization?.token,
                                                                  in: req.services))
    }

    @Sendable
    func export(req: Request) async throws -> Response {
        try await PersonalDataExport.response(for: try req.requireUser(), req: req)
    }

    @Sendable
    func confirmEmail(req: Request) async throws -> UserDTO {
        try UserDTO(try await Profiles.confirmEmailChange(token: try req.content.decode(TokenBody.self).token ?? "", in: req.services))
    }
}
