import Fluent
import S3DeskDomain
import Vapor

/// What every person changes about their own account: their name, their password, their
/// address (which becomes theirs only once they follow a link sent to it).
enum Profiles {
    static func rename(_ user: User, to rawName: String, in context: ServiceContext) async throws -> User {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw AppError.invalidField("name", "enter a name of 1 to 200 characters") }
        guard name != user.name else { return user }
        let before = user.name
        try await context.db.writeTransaction { db in
            user.name = name
            try await user.save(on: db)
            try await AuditLog.record(.nameChanged, subject: .user(try user.requireID()), summary: "\(before) to \(name)",
                                      actor: user, at: context.now, on: db)
        }
        return user
    }

    /// Ends every API token of the account but `keeping` (the one the call came with), and every
    /// web session but the caller's, which `WebSessions.signIn` renews with the new generation.
    static func changePassword(of user: User, current: String, new: String, keepingToken keeping: String?,
                               in context: ServiceContext) async throws -> User {
        var errors = FieldErrors()
        if !(try await context.passwords.verify(current, created: user.passwordHash)) {
            errors.add("currentPassword", "enter your current password as you use it to sign in")
        }
        if let problem = Credentials.passwordProblem(new) { errors.add("newPassword", problem) }
        try errors.throwIfAny()
        let hash = try await context.passwords.hash(new)
        let id = try user.requireID()
        try await context.db.writeTransaction { db in
            user.passwordHash = hash
            user.sessionGeneration = (user.sessionGeneration ?? 0) + 1
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
            user.sessionGeneration = (user.sessionGeneration ?? 0) + 1
            try await user.save(on: db)
            let tokens = APIToken.query(on: db).filter(\.$user.$id == id)
            if let keeping { tokens.filter(\.$tokenHash != APIToken.hash(keeping)) }
            let ended = try await tokens.copy().count()
            try await tokens.delete()
            try await AuditLog.record(.sessionsEnded, subject: .user(id), summary: "\(ended) API tokens", actor: user, at: context.now, on: db)
            return ended
        }
    }

    /// Emails a link to the new address. Answers the same whether or not the address already has
    /// an account, so the form reveals nobody's; that account's owner is told instead.
    static func requestEmailChange(of user: User, to rawEmail: String, password: String, in context: ServiceContext) async throws {
        var errors = FieldErrors()
        let email = Credentials.normalisedEmail(rawEmail)
        if email == nil { errors.add("email", "enter an email address such as name@region.eu") }
        if email == user.email { errors.add("email", "this is already your address: enter the new one") }
        if !(try await context.passwords.verify(password, created: user.passwordHash)) {
            errors.add("password", "enter your current password as you use it to sign in")
        }
        try errors.throwIfAny()
        guard let email else { return }
        let now = context.now
        let publicURL = context.publicURL
        try await context.db.writeTransaction { db in
            if try await User.query(on: db).filter(\.$email == email).count() > 0 {
                try await Outbox.enqueue(EmailTemplates.emailTaken(to: email), at: now, on: db, logger: context.logger)
                return
            }
            let (token, clear) = try AccountToken.issue(.changeEmail, for: user, at: now, lifetime: AccountToken.Purpose.changeEmail.lifetime)
            token.newEmail = email
            try await token.create(on: db)
            try await AuditLog.record(.emailChangeRequested, subject: .user(try user.requireID()), summary: "to \(email)",
                                      actor: user, at: now, on: db)
            try await Outbox.enqueue(EmailTemplates.emailChange(to: email, name: user.name, link: publicURL + SiteURL.confirmEmailChange(token: clear)),
                                     at: now, on: db, logger: context.logger)
        }
    }

    /// Following the link proves the person reads the new address: it becomes the account's,
    /// and the old one is told.
    static func confirmEmailChange(token clear: String, in context: ServiceContext) async throws -> User {
        let now = context.now
        let token = try await AccountToken.redeem(
            clear, purpose: .changeEmail, at: now, on: context.db,
            invalid: "this link is not valid: it was already used or has expired; ask for the change again from your account page",
            problems: FieldErrors())
        guard let email = token.newEmail else { throw AppError.invalidField("token", "this link does not name a new address") }
        let user = token.user
        let taken = AppError.conflict("account_exists", "\(email) has meanwhile become the address of another account; choose another one")
        let before = user.email
        try await DatabaseConstraint.refusing(taken) { try await context.db.writeTransaction { db in
            guard try await User.query(on: db).filter(\.$email == email).count() == 0 else { throw taken }
            token.usedAt = now
            try await token.save(on: db)
            user.email = email
            user.emailConfirmedAt = now
            try await user.save(on: db)
            try await AuditLog.record(.emailChanged, subject: .user(try user.requireID()), summary: "\(before) to \(email)",
                                      actor: user, at: now, on: db)
            try await Outbox.enqueue(EmailTemplates.emailChanged(to: before, name: user.name, newAddress: email),
                                     at: now, on: db, logger: context.logger)
        } }
        return user
    }
}
