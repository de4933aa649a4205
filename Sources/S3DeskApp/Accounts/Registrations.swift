import Fluent
import S3DeskDomain
import Vapor

/// Self-registration of applicants: a new organisation, its first member, and the email that
/// confirms the address.
enum Registrations {
    /// Answers the same whether or not the address already has an account, so that nobody
    /// learns whose it is: with a new account's id, or with a fresh id that names nothing while
    /// the address's owner is emailed instead. Every attempt counts against the client's limit.
    /// - Parameter language: the one the person registered in, which their emails keep.
    static func register(_ input: RegistrationInput, language: Language, client: String, throttle: LoginThrottle,
                         in context: ServiceContext) async throws -> UUID {
        try await throttle.check([(client, .accountEmailsClient, "too many registrations from your connection")], on: context.db)
        try await throttle.record(client, .accountEmailsClient, on: context.db)
        let registration = try input.validated(regions: context.codes.regions, countries: context.codes.countries, names: context.codes.names)
        let now = context.now
        // Hashed either way: the time taken must not tell a known address from a new one.
        let passwordHash = try await context.passwords.hash(registration.password)
        let publicURL = context.publicURL
        return try await context.db.writeTransaction { db in
            if let owner = try await User.query(on: db).filter(\.$email == registration.email).first() {
                if try await throttle.wait(for: registration.email, .takenAddressEmails, on: db) == nil {
                    try await throttle.record(registration.email, .takenAddressEmails, on: db)
                    try await Outbox.enqueue(context.messages.registrationTaken(in: owner.language ?? .en, to: registration.email,
                                                                                signIn: publicURL + SiteURL.login(),
                                                                                passwordReset: publicURL + SiteURL.passwordReset),
                                             at: now, on: db, logger: context.logger)
                }
                return UUID()
            }
            let user = try await store(registration, passwordHash: passwordHash, confirmedAt: nil, language: language, at: now, on: db)
            try await sendConfirmation(to: user, publicURL: publicURL, messages: context.messages, at: now, on: db, logger: context.logger)
            return try user.requireID()
        }
    }

    /// Every problem of a registration at once, a taken address among them: for an administrator
    /// adding an applicant from the command line, who may know whose it is.
    static func validated(_ input: RegistrationInput, codes: ReferenceCodes, on db: any Database) async throws -> Registration {
        var registration: Registration?
        var errors = FieldErrors()
        do {
            registration = try input.validated(regions: codes.regions, countries: codes.countries, names: codes.names)
        } catch {
            errors = error
        }
        if let email = Credentials.normalisedEmail(input.email ?? ""),
           try await User.query(on: db).filter(\.$email == email).count() > 0 {
            errors.add("email", "an account with this address already exists; sign in, or ask a colleague to invite you")
        }
        guard let registration, errors.isEmpty else { throw errors }
        return registration
    }

    /// The organisation and its first member, audited. Without `confirmedAt` the person
    /// registered themselves and must confirm the address; with it an administrator made the
    /// account from the command line and vouches for the address.
    static func store(_ registration: Registration, passwordHash: String, confirmedAt: Date?, language: Language? = nil,
                      at now: Date, on db: any Database) async throws -> User {
        let organisation = Organisation()
        organisation.name = registration.organisationName
        organisation.authorityType = registration.authorityType
        organisation.territory = registration.territory.code
        organisation.createdAt = now
        try await organisation.create(on: db)
        let user = User(email: registration.email, name: registration.name, role: .applicant, passwordHash: passwordHash,
                        createdAt: now, organisationID: try organisation.requireID(), emailConfirmedAt: confirmedAt)
        user.language = language
        try await user.create(on: db)
        try await AuditLog.record(.userCreated, subject: .user(try user.requireID()),
                                  summary: "\(user.email) " + (confirmedAt == nil ? "registered" : "added as an applicant of")
                                      + " \(organisation.name) (\(organisation.territory))",
                                  actor: confirmedAt == nil ? user : nil, at: now, on: db)
        return user
    }

    static func sendConfirmation(to user: User, publicURL: String, messages: Messages, at now: Date, on db: any Database,
                                 logger: Logger) async throws {
        let (token, clear) = try AccountToken.issue(.confirmEmail, for: user, at: now,
                                                   lifetime: AccountToken.confirmationLifetime)
        try await token.create(on: db)
        let link = publicURL + SiteURL.confirmAccount(token: clear)
        try await Outbox.enqueue(messages.accountConfirmation(in: user.language ?? .en, to: user.email, name: user.name, link: link),
                                 at: now, on: db, logger: logger)
    }

    /// Confirms the address the token was sent to, through the API: the token works once.
    static func confirm(token clear: String, in context: ServiceContext) async throws -> User {
        try await confirm(token: clear, in: context) { _ in }
    }

    /// The web page where the emailed link lands also asks for the password chosen at
    /// registration, so that pressing a button cannot confirm an account someone else opened with
    /// this address. A wrong one leaves the token unused and counts as a failed sign-in.
    static func confirm(token clear: String, password: String, limits: PasswordCheckLimits, in context: ServiceContext) async throws -> User {
        try await confirm(token: clear, in: context) { user in
            guard try await limits.verify(password, of: user, in: context) else {
                throw AppError.invalidField("password", "this is not the password chosen when this address was registered: "
                    + "if you did not register, ignore the email; to use this address, reset the password")
            }
        }
    }

    private static func confirm(token clear: String, in context: ServiceContext, checking check: (User) async throws -> Void) async throws -> User {
        let now = context.now
        guard let token = try await AccountToken.redeemable(clear, purpose: .confirmEmail, at: now, on: context.db) else {
            throw AppError.invalidField("token", "this confirmation link is not valid: it was already used or has expired")
        }
        let user = token.user
        try await check(user)
        try await context.db.writeTransaction { db in
            token.usedAt = now
            try await token.save(on: db)
            user.emailConfirmedAt = user.emailConfirmedAt ?? now
            try await user.save(on: db)
            try await AuditLog.record(.emailConfirmed, subject: .user(try user.requireID()), summary: user.email,
                                      actor: user, at: now, on: db)
        }
        return user
    }
}

/// What the mail side of the application needs to know from its settings.
struct MailSettings: Sendable {
    /// Nil follows the server's own address (development).
    let publicURL: String?
    let smtp: SMTPSettings?
}

extension Application {
    private struct MailSettingsKey: StorageKey {
        typealias Value = MailSettings
    }

    var mailSettings: MailSettings {
        get { storage[MailSettingsKey.self] ?? MailSettings(publicURL: nil, smtp: nil) }
        set { storage[MailSettingsKey.self] = newValue }
    }

    /// The address emails link to: `S3DESK_PUBLIC_URL`, or else the one the server really listens
    /// on (`serve --hostname --port`), read when the link is made since the server starts after
    /// configuration. A wildcard address is no place to send a person to: the host's name is.
    var publicURL: String {
        if let url = mailSettings.publicURL { return url }
        let configuration = http.server.configuration
        let wildcard = ["0.0.0.0", "::", "[::]", ""].contains(configuration.hostname)
        var host = wildcard ? ProcessInfo.processInfo.hostName : configuration.hostname
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        return "http://\(host)" + (configuration.port == 80 ? "" : ":\(configuration.port)")
    }
}
