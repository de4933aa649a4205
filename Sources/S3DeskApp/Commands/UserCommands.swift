import Fluent
import S3DeskDomain
import Vapor

/// `s3desk user …`: account administration from the command line.
struct UserCommands: AsyncCommandGroup {
    let help = "Manages user accounts."
    let commands: [String: any AnyAsyncCommand] = ["add": UserAddCommand(), "confirm": UserConfirmCommand(),
                                                   "reset-2fa": UserResetTwoFactorCommand()]
}

/// `s3desk user add --email E --name N --role R`, the password read from standard input so it
/// never appears in the shell history or the process list. An applicant needs the authority
/// they act for (`--authority`, `--authority-type`, `--territory`): without one they could do nothing.
struct UserAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The address the person signs in with.")
        var email: String?

        @Option(name: "name", help: "The person's full name.")
        var name: String?

        @Option(name: "role", help: "One of: admin, secretariat, commission, expert, applicant.")
        var role: String?

        @Option(name: "authority", help: "Applicants only: the name of the authority they act for.")
        var authority: String?

        @Option(name: "authority-type", help: "Applicants only: regional_authority, national_authority or erdf_managing_authority.")
        var authorityType: String?

        @Option(name: "territory", help: "Applicants only: the authority's NUTS-2 region (PL92), or its country (PL) for a national S3.")
        var territory: String?
    }

    let help = "Creates a user; the password is read from standard input."

    /// Where each field a check names came from on this command line.
    private static let sources = [
        "email": "--email", "name": "--name", "password": "the password (standard input)",
        "organisation.name": "--authority", "organisation.authorityType": "--authority-type",
        "organisation.territory": "--territory",
    ]

    func run(using context: CommandContext, signature: Signature) async throws {
        let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
        guard let roleText = signature.role, let role = Role(rawValue: roleText) else {
            throw CommandFailure("--role must be one of: \(roles)")
        }
        let authority = [signature.authority, signature.authorityType, signature.territory]
        if role == .applicant, authority.contains(nil) {
            throw CommandFailure("""
                an applicant acts for an authority: give --authority "Name", --authority-type \
                (regional_authority, national_authority or erdf_managing_authority) and --territory (such as PL92, or PL \
                for a national S3). Applicants can also register themselves on the web, at /register.
                """)
        }
        if role != .applicant, authority.contains(where: { $0 != nil }) {
            throw CommandFailure("--authority, --authority-type and --territory are for applicants only")
        }
        guard let password = readPassword(console: context.console) else {
            throw CommandFailure("no password on standard input")
        }
        let app = context.application
        do {
            // A typo is reported before any database is created or migrated.
            try UserAccounts.problems(email: signature.email ?? "", name: signature.name ?? "", password: password).throwIfAny()
            try await DatabaseBootstrap.run(app)
            let user = try await role == .applicant
                ? addApplicant(signature, password: password, on: app)
                : UserAccounts.create(email: signature.email ?? "", name: signature.name ?? "", role: role, password: password,
                                      actor: nil, on: app.db, hasher: app.password.async, at: app.clock.now)
            context.console.success("Created \(role.rawValue) \(user.email) (\(try user.requireID()))")
        } catch let errors as FieldErrors {
            let lines = errors.messages.sorted { $0.key < $1.key }.map { "\(Self.sources[$0.key] ?? $0.key): \($0.value)" }
            throw CommandFailure(lines.joined(separator: "\n"))
        }
    }

    private func addApplicant(_ signature: Signature, password: String, on app: Application) async throws -> User {
        let registration = try await Registrations.validated(RegistrationInput(
            email: signature.email, password: password, name: signature.name, organisationName: signature.authority,
            authorityType: signature.authorityType, territory: signature.territory), codes: app.referenceCodes, on: app.db)
        let hash = try await app.password.async.hash(registration.password)
        let now = app.clock.now
        return try await app.db.writeTransaction { db in
            // An administrator vouches for the address, as for staff accounts.
            try await Registrations.store(registration, passwordHash: hash, confirmedAt: now, at: now, on: db)
        }
    }

    /// Prompts without echo on a terminal; reads one line when the password is piped in.
    private func readPassword(console: any Console) -> String? {
        if isatty(STDIN_FILENO) != 0 {
            return console.ask("Password:", isSecure: true)
        }
        return readLine(strippingNewline: true)
    }
}

/// `s3desk user confirm --email E`: confirms an address by hand, for a server without SMTP
/// (the outbox hides the emailed link from everyone but an administrator in development).
struct UserConfirmCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The address to confirm.")
        var email: String?
    }

    let help = "Confirms a user's email address without the emailed link."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let user = try await UserCommands.account(addressed: signature.email, on: app)
        let email = user.email
        guard user.emailConfirmedAt == nil else {
            context.console.info("\(email) was already confirmed.")
            return
        }
        let now = app.clock.now
        try await app.db.writeTransaction { db in
            user.emailConfirmedAt = now
            try await user.save(on: db)
            try await AuditLog.record(.emailConfirmed, subject: .user(try user.requireID()),
                                      summary: "\(email), from the command line", actor: nil, at: now, on: db)
        }
        context.console.success("Confirmed \(email).")
    }
}

extension UserCommands {
    /// The account `--email` names, once the database is ready; a clear failure otherwise.
    static func account(addressed typed: String?, on app: Application) async throws -> User {
        guard let email = Credentials.normalisedEmail(typed ?? "") else {
            throw CommandFailure("--email: enter an email address such as name@region.eu")
        }
        try await DatabaseBootstrap.run(app)
        guard let user = try await User.query(on: app.db).filter(\.$email == email).first() else {
            throw CommandFailure("no account has the address \(email)")
        }
        return user
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
