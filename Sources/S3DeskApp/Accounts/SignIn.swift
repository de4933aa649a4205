import Fluent
import S3DeskDomain
import Vapor

/// Checks an email and password, shared by the web sign-in form and the API's token endpoint.
enum SignIn {
    static func verify(email rawEmail: String, password: String, throttle: LoginThrottle, in context: ServiceContext) async throws -> User {
        let email = Credentials.normalisedEmail(rawEmail) ?? rawEmail.lowercased()
        if let wait = try await throttle.wait(for: email, on: context.db) {
            throw AppError(status: .tooManyRequests, code: "too_many_attempts",
                           message: "too many failed sign-ins for this address; try again in \(wait) seconds",
                           headers: ["Retry-After": "\(wait)"])
        }
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
        guard let user, matches else {
            try await throttle.recordFailure(for: email, on: context.db)
            throw AppError(status: .unauthorized, code: "invalid_credentials",
                           message: "the email address or the password is not right")
        }
        try await throttle.recordSuccess(for: email, on: context.db)
        // Said only to whoever knows the password, so it reveals nothing to anyone else.
        guard user.isActive else {
            throw AppError(status: .forbidden, code: "account_deactivated",
                           message: "this account has been deactivated; write to the secretariat if you need it again")
        }
        return user
    }
}
