import Fluent
import S3DeskDomain
import Vapor

/// `POST /api/v1/auth/token` and `GET /api/v1/me`.
struct AuthAPIController: RouteCollection {
    struct TokenRequest: Content {
        let email: String
        let password: String
        /// The authenticator app's code (or a recovery code), for accounts with two-factor sign-in.
        let code: String?
    }

    struct TokenResponse: Content {
        let token: String
        let expiresAt: String
        let user: UserDTO
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(APIURL.token.pathComponents, use: issueToken)
        routes.get(APIURL.me.pathComponents, use: me)
    }

    @Sendable
    func issueToken(req: Request) async throws -> Response {
        let body = try req.content.decode(TokenRequest.self)
        let user = try await SignIn.verify(email: body.email, password: body.password, client: req.clientAddress,
                                               throttle: req.application.loginThrottle, in: req.services)
        if user.usesSecondFactor {
            guard let code = body.code else {
                throw AppError(status: .unauthorized, code: "second_factor_required",
                               message: "this account signs in with two factors: send the code from the authenticator app in `code`")
            }
            try await TwoFactorAccounts.verify(code, of: user, throttle: req.application.loginThrottle, in: req.services)
        } else if SecondFactor.isRequired(for: user.role, enforced: req.application.requiresSecondFactor) {
            throw AppError(status: .forbidden, code: "second_factor_not_set_up",
                           message: "\(user.role.label) accounts need two-factor sign-in for API tokens: set it up on the web first, under Your account")
        }
        let (token, clear) = try APIToken.issue(for: user, at: req.now)
        try await token.create(on: req.db)
        return try await TokenResponse(token: clear, expiresAt: Instant.format(token.expiresAt),
                                       user: UserDTO(user)).encodeResponse(for: req)
    }

    @Sendable
    func me(req: Request) async throws -> UserDTO {
        try UserDTO(req.requireUser())
    }
}
