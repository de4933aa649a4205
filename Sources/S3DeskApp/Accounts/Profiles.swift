import Fluent
import S3DeskDomain
import Vapor

/// What every person changes about their own account: their name, the language of their pages
/// and emails, their password, their address (which becomes theirs only once they follow a link
/// sent to it).
enum Profiles {
    static func rename(_ user: User, to rawName: String, in context: ServiceContext) async throws -> User {
        try await update(user, name: rawName, language: nil, in: context)
    }

    /// Changes what is given: the name, and the language (`en`, `fr`, `de`) in which S3Desk shows
    /// the person its pages when their browser has chosen none and writes them its emails. Both are
    /// checked before either is saved; each change is audited, an unchanged value is not.
    static func update(_ user: User, name rawName: String?, language code: String?, in context: ServiceContext) async throws -> User {
        var errors = FieldErrors()
        let name = rawName?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.isEmpty || name.count > 200 { errors.add("name", "enter a name of 1 to 200 characters") }
        let language = errors.language(code)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let newName = name.flatMap { $0 == user.name ? nil : $0 }
        let newLanguage = language.flatMap { $0 == user.language ? nil : $0 }
        guard newName != nil || newLanguage != nil else { return user }
        let id = try user.requireID()
        let (beforeName, beforeLanguage) = (user.name, user.language)
        try await context.db.writeTransaction { db in
            if let newName { user.name = newName }
            if let newLanguage { user.language = newLanguage }
            try await user.save(on: db)
            if let newName {
                try await AuditLog.record(.nameChanged, subject: .user(id), summary: "\(beforeName) to \(newName)", actor: user, at: context.now, on: db)
            }
            if let newLanguage {
                try await AuditLog.record(.languageChanged, subject: .user(id), summary: "\(beforeLanguage?.rawValue ?? "none") to \(newLanguage.rawValue)",
                                          actor: user, at: context.now, on: db)
            }
        }
        return user
    }

    /// Ends every API token of the account but `keeping` (the one the call came with), and every
    /// web session but the caller's, which `WebSessions.signIn` renews with the new generation.
    static func changePassword(of user: User, current: String, new: String, keepingToken keeping: String?,
                               guard limits: PasswordCheckLimits, in context: ServiceContext) async throws -> User {
        var errors = FieldErrors()
        if !(try await limits.verify(current, of: user, in: context)) {
            errors.add("currentPassword", "enter your current password as you use it to sign in")
        }
        if let problem = Credentials.passwordProblem(new) { errors.add("newPassword", problem) }
        try errors.throwIfAny()
        let hash = try await context.passwords.hash(new)
        let id = try user.requireID()
        try await context.db.writeTransaction { db in
            user.passwordHash = hash
            try await moveSessionGeneration(of: user, on: db)
            try await user.save(on: db)
            let tokens = APIToken.query(on: db).filter(\.$user.$id == id)
            if let keeping { tokens.filter(\.$tokenHash != APIToken.hash(keeping)) }
            try await tokens.delete()
            try await AuditLog.record(.passwordChanged, subject: .user(id), summary: user.email, actor: user, at: context.now, on: db)
        }
        return user
    }

    /// Signs the person out everywhere else: every web session but the caller's (which
    /// `WebSessions.signIn` renews) and every API token but `keeping`, for a lost phone or a
    /// shared computer.
    static func endOtherSessions(of user: User, keepingToken keeping: String?, in context: ServiceContext) async throws -> Int {
        let id = try user.requireID()
        return try await context.db.writeTransaction { db in
            try await moveSessionGeneration(of: user, on: db)
            let tokens = APIToken.query(on: db).filter(\.$user.$id == id)
            if let keeping { tokens.filter(\.$tokenHash != APIToken.hash(keeping)) }
            let ended = try await tokens.copy().count()
            try await tokens.delete()
            try await AuditLog.record(.sessionsEnded, subject: .user(id), summary: "\(ended) API tokens", actor: user, at: context.now, on: db)
            return ended
        }
    }

    /// Moves the account's session generation on from the stored one, under the row's lock, so
    /// that two sign-outs at the same moment end each other's sessions too.
    static func moveSessionGeneration(of user: User, on db: any Database) async throws {
        let id = try user.requireID()
        try await db.lockRow(User.schema, id: id)
        let stored = try await User.find(id, on: db)?.sessionGeneration ?? 0
        try await User.query(on: db).filter(\.$id == id).set(\.$sessionGeneration, to: stored + 1).update()
        user.sessionGeneration = stored + 1
    }

    /// Emails a link to the new address. Answers the same whether or not the address already has
    /// an account, so the form reveals nobody's; that account's owner is told instead.
    static func requestEmailChange(of user: User, to rawEmail: String, password: String, guard limits: PasswordCheckLimits,
                                   in context: ServiceContext) async throws {
        var errors = FieldErrors()
        let email = Credentials.normalisedEmail(rawEmail)
        if email == nil { errors.add("email", "enter an email address such as name@region.eu") }
        if email == user.email { errors.add("email", "this is already your address: enter the new one") }
        if !(try await limits.verify(password, of: user, in: context)) {
            errors.add("password", "enter your current password as you use it to sign in")
        }
        try errors.throwIfAny()
        guard let email else { return }
        // Each request emails an address the person names: limited like reset emails.
        try await limits.throttle.check([(limits.client, .accountEmailsClient, "too many emails asked from your connection"),
                                         (email, .resetAddress, "too many emails asked for this address")], on: context.db)
        try await limits.throttle.record(limits.client, .accountEmailsClient, on: context.db)
        try await limits.throttle.record(email, .resetAddress, on: context.db)
        let now = context.now
        let publicURL = context.publicURL
        try await context.db.writeTransaction { db in
            // The token is kept either way, so the account page shows the change as waiting
            // whether or not the address is taken; only the email differs, and no link reaches
            // an address that already has an account.
            let (token, clear) = try AccountToken.issue(.changeEmail, for: user, at: now, lifetime: AccountToken.Purpose.changeEmail.lifetime)
            token.newEmail = email
            try await token.create(on: db)
            try await AuditLog.record(.emailChangeRequested, subject: .user(try user.requireID()), summary: "to \(email)",
                                      actor: user, at: now, on: db)
            // The owner of a taken address reads of the attempt in their own language.
            let email = if let owner = try await User.query(on: db).filter(\.$email == email).first() {
                context.messages.emailTaken(in: owner.language ?? .en, to: email)
            } else {
                context.messages.emailChange(in: user.language ?? .en, to: email, name: user.name,
                                             link: publicURL + SiteURL.confirmEmailChange(token: clear))
            }
            try await Outbox.enqueue(email, at: now, on: db, logger: context.logger)
        }
    }

    /// Following the link proves the person reads the new address: it becomes the account's,
    /// and the old one is told.
    /// - Parameter password: asked on the web page the link opens: the account's, so that only
    ///   the person who asked for the address makes it theirs. A wrong one leaves the link usable.
    static func confirmEmailChange(token clear: String, password: String? = nil, limits: PasswordCheckLimits? = nil,
                                   in context: ServiceContext) async throws -> User {
        let now = context.now
        let token = try await AccountToken.redeem(
            clear, purpose: .changeEmail, at: now, on: context.db,
            invalid: "this link is not valid: it was already used or has expired; ask for the change again from your account page",
            problems: FieldErrors())
        guard let email = token.newEmail else { throw AppError.invalidField("token", "this link does not name a new address") }
        let user = token.user
        if let password, let limits, !(try await limits.verify(password, of: user, in: context)) {
            throw AppError.invalidField("password", "this is not the password of the account that asked for this address: "
                + "if you did not ask for it, ignore the email")
        }
        let taken = AppError.conflict("account_exists", "\(email) has meanwhile become the address of another account; choose another one")
        let before = user.email
        try await DatabaseConstraint.refusing(taken) { try await context.db.writeTransaction { db in
            guard try await User.query(on: db).filter(\.$email == email).count() == 0 else { throw taken }
            token.usedAt = now
            try await token.save(on: db)
            user.email = email
            user.emailConfirmedAt = now
            try await user.save(on: db)
            // Links sent before (another change, a reset to the old address) are for an address no longer the account's.
            try await AccountToken.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$usedAt == nil)
                .filter(\.$purpose ~~ [.changeEmail, .resetPassword]).delete()
            try await AuditLog.record(.emailChanged, subject: .user(try user.requireID()), summary: "\(before) to \(email)",
                                      actor: user, at: now, on: db)
            try await Outbox.enqueue(context.messages.emailChanged(in: user.language ?? .en, to: before, name: user.name, newAddress: email),
                                     at: now, on: db, logger: context.logger)
        } }
        return user
    }
}

/// Checking a person's current password outside sign-in (to change it, or the address) is
/// guessing too: the same limits apply, by the account's address and by the client.
struct PasswordCheckLimits: Sendable {
    let throttle: LoginThrottle
    let client: String

    func verify(_ password: String, of user: User, in context: ServiceContext) async throws -> Bool {
        try await throttle.check([(client, .signInClient, "too many wrong passwords from your connection"),
                                  (user.email, .signInAddress, "too many wrong passwords for this account")], on: context.db)
        // An account with no password yet (an invitation) matches nothing; bcrypt would throw.
        guard !user.passwordHash.isEmpty, try await context.passwords.verify(password, created: user.passwordHash) else {
            try await throttle.record(user.email, .signInAddress, on: context.db)
            try await throttle.record(client, .signInClient, on: context.db)
            return false
        }
        return true
    }
}

extension Request {
    var passwordCheckLimits: PasswordCheckLimits {
        PasswordCheckLimits(throttle: application.loginThrottle, client: clientAddress)
    }
}
