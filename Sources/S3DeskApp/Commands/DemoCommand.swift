import Fluent
import S3DeskDomain
import Vapor

/// `s3desk demo`: fills an empty database with a living service (`DemoData`) and prints one
/// login per role, so a newcomer sees every page with something on it.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let help = "Fills an empty database with a demonstration: a call, 44 applications in every status, experts, meetings, assignments; prints the logins."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        // Its accounts share a password printed on the terminal: never on a production database.
        guard app.environment != .production else {
            throw AppError(status: .badRequest, code: "demo_refused", message: "s3desk demo adds accounts with a printed password: it does not run in production")
        }
        try await DatabaseBootstrap.run(app)
        guard try await ApplicationRecord.query(on: app.db).count() == 0 else {
            throw AppError(status: .conflict, code: "demo_refused", message: "this database holds applications already: the demonstration fills an empty one only")
        }
        // Each email it queues would be logged: the terminal keeps to the logins.
        app.logger.logLevel = .warning
        let password = "demo-" + String((0..<10).map { _ in "abcdefghjkmnpqrstuvwxyz23456789".randomElement()! })
        let logins = try await DemoData(app: app, password: password).fill()
        let applications = try await ApplicationRecord.query(on: app.db).count()
        context.console.success("Added a call with \(applications) applications from EU regions in every status, experts, meetings and assignments.")
        context.console.info("Sign in at \(app.publicURL + SiteURL.loginPath) with the password \(logins.password) as:")
        for (role, email) in logins.accounts { context.console.info("  \(role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(email)") }
    }
}
