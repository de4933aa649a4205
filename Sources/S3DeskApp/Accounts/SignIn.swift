import Fluent
import S3DeskDomain
import Vapor

/// Checks an email and password, shared by the web sign-in form and the API's token endpoint.
enum SignIn {
    static let invalidCredentials =
        "the email address or the password is not right, or the address is not confirmed yet: follow the link we emailed, or reset your password"

    /// - Parameter client: the address the request came from, limited on its own: guessing over
    ///   many accounts meets it, and guessing at one account keeps its owner out a minute at most.
    static func verify(email rawEmail: String, password: String, client: String, throttle: LoginThrottle,
                       in context: ServiceContext) async throws -> User {
        let email = Credentials.normalisedEmail(rawEmail) ?? rawEmail.lowercased()
        try await throttle.check([(client, .signInClient, "too many failed sign-ins from your connection"),
                                  (email, .signInAddress, "too many failed sign-ins for this address")], on: context.db)
        let user = try await User.query(on: context.db).filter(\.$email == email).first()
        let matches: Bool
        if let user, !user.passwordHash.isEmpty {
            matches = try await context.passwords.verify(password, created: user.passwordHash)
        } else {
            // Hash anyway, so that an unknown address (or an invitation not yet accepted, which
            // has no password) takes as long as a wrong password and reveals nothing.
            _ = try await context.passwords.hash(password)
            matches = false
        }
        // An address not yet confirmed signs in no one, with the answer a wrong password gets:
        // otherwise registering an address and trying its password would tell whether it was
        // free (a taken one keeps its owner's password). The reset link confirms it too.
        guard let user, matches, user.emailConfirmedAt != nil else {
            try await throttle.record(email, .signInAddress, on: context.db)
            try await throttle.record(client, .signInClient, on: context.db)
            throw AppError(status: .unauthorized, code: "invalid_credentials", message: invalidCredentials)
        }
        // The client's count stays: signing in to one's own account between guesses resets nothing.
        try await throttle.forget(email, .signInAddress, on: context.db)
        // Said only to whoever knows the password, so it reveals nothing to anyone else.
        guard user.isActive else {
            throw AppError(status: .forbidden, code: "account_deactivated",
                           message: "this account has been deactivated; write to the secretariat if you need it again")
        }
        return user
    }
}
