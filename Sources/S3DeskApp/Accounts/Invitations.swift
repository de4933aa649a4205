import Fluent
import S3DeskDomain
import Vapor

/// Colleagues join an organisation only by an invitation from one of its members: the invited
/// account exists at once (the address is reserved) but has no password until accepted.
enum Invitations {
    static func invite(email rawEmail: String, by inviter: User, in context: ServiceContext) async throws -> User {
        guard inviter.role.may(.apply), let organisationID = inviter.$organisation.id,
              let organisation = try await Organisation.find(organisationID, on: context.db) else {
            throw AppError(status: .forbidden, code: "forbidden", message: "only members of a registered authority invite colleagues")
        }
        guard let email = Credentials.normalisedEmail(rawEmail) else {
            throw AppError.invalidField("email", "enter an email address such as name@region.eu")
        }
        guard try await User.query(on: context.db).filter(\.$email == email).count() == 0 else {
            throw AppError.conflict("account_exists", "\(email) already has an S3Desk account; an account belongs to one authority")
        }
        let now = context.now
        let publicURL = context.publicURL
        return try await context.db.writeTransaction { db in
            let user = User(email: email, name: email, role: .applicant, passwordHash: "", createdAt: now,
                            organisationID: organisationID)
            // A colleague of the same authority most likely reads what the inviter reads; they may change it.
            user.language = inviter.language
            try await user.create(on: db)
            let (token, clear) = try AccountToken.issue(.invitation, for: user, at: now, lifetime: AccountToken.Purpose.invitation.lifetime)
            try await token.create(on: db)
            try await AuditLog.record(.userInvited, subject: .user(try user.requireID()),
                                      summary: "\(email) invited to \(organisation.name) by \(inviter.email)",
                                      actor: inviter, at: now, on: db)
            try await Outbox.enqueue(context.messages.invitation(in: user.language ?? .en, to: email, inviter: inviter.name,
                                                                 organisation: organisation.name, link: publicURL + SiteURL.acceptInvitation(token: clear)),
                                     at: now, on: db, logger: context.logger)
            return user
        }
    }

    /// Sets the invited person's name and password; following the emailed link also confirms
    /// the address.
    static func accept(token clear: String, name rawName: String, password: String, in context: ServiceContext) async throws -> User {
        var errors = FieldErrors()
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { errors.add("name", "enter your name (up to 200 characters)") }
        if let problem = Credentials.passwordProblem(password) { errors.add("password", problem) }
        let now = context.now
        let token = try await AccountToken.redeem(
            clear, purpose: .invitation, at: now, on: context.db,
            invalid: "this invitation link is not valid: it was already used or has expired; ask your colleague to invite you again",
            problems: errors)
        let hash = try await context.passwords.hash(password)
        let user = token.user
        try await context.db.writeTransaction { db in
            token.usedAt = now
            try await token.save(on: db)
            user.name = name
            user.passwordHash = hash
            user.emailConfirmedAt = now
            try await user.save(on: db)
            try await AuditLog.record(.invitationAccepted, subject: .user(try user.requireID()), summary: user.email,
                                      actor: user, at: now, on: db)
        }
        return user
    }
}

/// Password reset by emailed link.
enum PasswordResets {
    /// Sends a reset link when the address has an account. Answers the same either way, so the
    /// form does not reveal who has an account.
    /// Limited per address and per client, counted whether or not the address has an account,
    /// so that neither the answer nor the limit tells the two apart.
    static func request(email rawEmail: String, client: String, throttle: LoginThrottle, in context: ServiceContext) async throws {
        guard let email = Credentials.normalisedEmail(rawEmail) else {
            throw AppError.invalidField("email", "enter an email address such as name@region.eu")
        }
        try await throttle.check([(client, .accountEmailsClient, "too many reset emails asked from your connection"),
                                  (email, .resetAddress, "too many reset emails asked for this address")], on: context.db)
        try await throttle.record(client, .accountEmailsClient, on: context.db)
        try await throttle.record(email, .resetAddress, on: context.db)
        guard let user = try await User.query(on: context.db).filter(\.$email == email).first(), !user.passwordHash.isEmpty, user.isActive else {
            context.logger.info("password reset asked for an address without an account")
            return
        }
        let now = context.now
        let publicURL = context.publicURL
        try await context.db.writeTransaction { db in
            let (token, clear) = try AccountToken.issue(.resetPassword, for: user, at: now, lifetime: AccountToken.Purpose.resetPassword.lifetime)
            try await token.create(on: db)
            try await Outbox.enqueue(context.messages.passwordReset(in: user.language ?? .en, to: user.email, name: user.name,
                                                                    link: publicURL + SiteURL.choosePassword(token: clear)),
                                     at: now, on: db, logger: context.logger)
        }
    }

    /// Sets the new password, and signs out every web session and API token of the account:
    /// whoever had them may be whom the reset is meant to shut out.
    static func complete(token clear: String, password: String, in context: ServiceContext) async throws -> User {
        var errors = FieldErrors()
        if let problem = Credentials.passwordProblem(password) { errors.add("password", problem) }
        let now = context.now
        let token = try await AccountToken.redeem(
            clear, purpose: .resetPassword, at: now, on: context.db,
            invalid: "this link is not valid: it was already used or has expired; ask for a new one", problems: errors)
        let hash = try await context.passwords.hash(password)
        let user = token.user
        try await context.db.writeTransaction { db in
            token.usedAt = now
            try await token.save(on: db)
            user.passwordHash = hash
            // Whoever could read the reset email owns the address: count it as confirmed.
            user.emailConfirmedAt = user.emailConfirmedAt ?? now
            user.sessionGeneration = (user.sessionGeneration ?? 0) + 1
            try await user.save(on: db)
            try await APIToken.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await AuditLog.record(.passwordReset, subject: .user(try user.requireID()), summary: user.email,
                                      actor: user, at: now, on: db)
        }
        return user
    }
}
