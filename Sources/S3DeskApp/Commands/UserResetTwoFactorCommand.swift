import Fluent
import S3DeskDomain
import Vapor

/// `s3desk user reset-2fa --email E`: for someone who lost both their phone and their recovery
/// codes. Whoever runs it has checked who is asking, out of band; the person sets it up again
/// at their next sign-in where their role requires it.
struct UserResetTwoFactorCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The address of the account.")
        var email: String?
    }

    let help = "Turns off a user's two-factor sign-in (lost phone and recovery codes)."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let user = try await UserCommands.account(addressed: signature.email, on: app)
        guard user.usesSecondFactor || user.totpPendingSecret != nil else {
            context.console.info("\(user.email) has no two-factor sign-in to reset.")
            return
        }
        try await TwoFactorAccounts.remove(from: user, actor: nil, in: app.services(at: app.clock.now))
        context.console.success("Two-factor sign-in is off for \(user.email); they set it up again at their next sign-in if their role requires it.")
    }
}
