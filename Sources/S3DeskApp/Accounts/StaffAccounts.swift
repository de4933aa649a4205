import Fluent
import SQLKit
import S3DeskDomain
import Vapor

/// What an administrator does on the users page: opens staff accounts by invitation, changes
/// staff roles, deactivates and reactivates accounts. Each change is checked by `AccountPolicy`
/// under a lock on the active administrators, so two administrators demoting each other at the
/// same moment cannot leave the service with none.
enum StaffAccounts {
    struct Filters: Sendable {
        var role: Role?
        /// Part of a name or an address.
        var text: String?
        var active: Bool?
    }

    static func list(_ filters: Filters, page: PageRequest, on db: any Database) async throws -> (users: [User], total: Int) {
        let query = User.query(on: db)
        if let role = filters.role { query.filter(\.$role == role) }
        if let active = filters.active { query.filter(\.$deactivatedAt, active ? .equal : .notEqual, nil) }
        if let text = filters.text {
            // Addresses are stored lower-cased; names as typed, found whatever their case.
            query.group(.or) {
                $0.filter(ContainsFilter.filter("email", of: User.schema, contains: text.lowercased(), on: db))
                    .filter(ContainsFilter.filter("name", of: User.schema, contains: text, on: db))
            }
        }
        let (users, total) = try await query.sort(\.$email).page(page)
        return (users, total)
    }

    /// - Parameter language: the new account's (`en`, `fr`, `de`); without one, the inviter's.
    static func invite(email rawEmail: String, name rawName: String, role: Role?, language code: String? = nil, by admin: User,
                       in context: ServiceContext) async throws -> User {
        guard admin.role.may(.manageUsers) else { throw AppError.forbidden }
        var errors = FieldErrors()
        let email = Credentials.normalisedEmail(rawEmail)
        if email == nil { errors.add("email", "enter an email address such as name@region.eu") }
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { errors.add("name", "enter a name of 1 to 200 characters") }
        if role?.isStaff != true { errors.add("role", "choose Administrator, Secretariat or European Commission") }
        let language = errors.language(code) ?? admin.language
        try errors.throwIfAny()
        guard let email, let role else { throw AppError.forbidden }

        let taken = AppError.conflict("account_exists", "\(email) already has an S3Desk account")
        let now = context.now
        let publicURL = context.publicURL
        // Two invitations of the same address at once: the second meets the unique index.
        return try await DatabaseConstraint.refusing(taken) { try await context.db.writeTransaction { db in
            guard try await User.query(on: db).filter(\.$email == email).count() == 0 else { throw taken }
            // No password until the invitation is accepted, which also confirms the address.
            let user = User(email: email, name: name, role: role, passwordHash: "", createdAt: now)
            user.language = language
            try await user.create(on: db)
            let (token, clear) = try AccountToken.issue(.invitation, for: user, at: now, lifetime: AccountToken.Purpose.invitation.lifetime)
            try await token.create(on: db)
            try await AuditLog.record(.staffInvited, subject: .user(try user.requireID()), summary: "\(email) as \(role.label)",
                                      actor: admin, at: now, on: db)
            try await Outbox.enqueue(context.messages.staffInvitation(in: language ?? .en, to: email, name: name, role: role,
                                                                      inviter: admin.name, link: publicURL + SiteURL.acceptInvitation(token: clear)),
                                     at: now, on: db, logger: context.logger)
            return user
        } }
    }

    static func changeRole(of accountID: UUID, to role: Role?, by admin: User, in context: ServiceContext) async throws -> User {
        guard let role else { throw AppError.invalidField("role", "choose Administrator, Secretariat or European Commission") }
        return try await change(accountID, role: role, active: nil, by: admin, in: context)
    }

    /// A role and a state in one transaction: `{role, active: false}` demotes and deactivates,
    /// or, when either is refused, does neither.
    static func change(_ accountID: UUID, role: Role?, active: Bool?, by admin: User, in context: ServiceContext) async throws -> User {
        try await change(accountID, by: admin, in: context) { account, policy, db in
            if let role { try await setRole(role, of: account, policy: policy, by: admin, at: context.now, on: db) }
            guard let active, active != account.isActive else { return }
            // Judged as the role change left the account: a demoted administrator is no longer the last one.
            let now = try await self.policy(of: admin, over: account, on: db)
            if active { try await reactivate(account, policy: now, by: admin, at: context.now, on: db) }
            else { try await deactivate(account, policy: now, by: admin, at: context.now, on: db) }
        }
    }

    /// Ends the account's tokens and links at once; its web sessions stop at their next request
    /// (`ActiveAccountSessions`).
    static func deactivate(_ accountID: UUID, by admin: User, in context: ServiceContext) async throws -> User {
        try await change(accountID, by: admin, in: context) { account, policy, db in
            try await deactivate(account, policy: policy, by: admin, at: context.now, on: db)
        }
    }

    static func reactivate(_ accountID: UUID, by admin: User, in context: ServiceContext) async throws -> User {
        try await change(accountID, by: admin, in: context) { account, policy, db in
            try await reactivate(account, policy: policy, by: admin, at: context.now, on: db)
        }
    }

    private static func setRole(_ role: Role, of account: User, policy: AccountPolicy, by admin: User, at now: Date, on db: any Database) async throws {
        if let refusal = policy.refusalToChangeRole(to: role) { throw refused(refusal, field: account.role.isStaff ? "role" : nil) }
        guard role != account.role else { return }
        let before = account.role
        account.role = role
        try await account.save(on: db)
        try await AuditLog.record(.roleChanged, subject: .user(try account.requireID()), summary: "\(before.label) to \(role.label)",
                                  actor: admin, at: now, on: db)
    }

    private static func deactivate(_ account: User, policy: AccountPolicy, by admin: User, at now: Date, on db: any Database) async throws {
        if let refusal = policy.refusalToDeactivate { throw refused(refusal) }
        let accountID = try account.requireID()
        account.deactivatedAt = now
        // Its sessions stay ended even if the account is reactivated later.
        account.sessionGeneration = (account.sessionGeneration ?? 0) + 1
        try await account.save(on: db)
        try await APIToken.query(on: db).filter(\.$user.$id == accountID).delete()
        try await AccountToken.query(on: db).filter(\.$user.$id == accountID).filter(\.$usedAt == nil).delete()
        try await AuditLog.record(.userDeactivated, subject: .user(accountID), summary: account.email, actor: admin, at: now, on: db)
    }

    private static func reactivate(_ account: User, policy: AccountPolicy, by admin: User, at now: Date, on db: any Database) async throws {
        if let refusal = policy.refusalToReactivate { throw refused(refusal) }
        account.deactivatedAt = nil
        try await account.save(on: db)
        try await AuditLog.record(.userReactivated, subject: .user(try account.requireID()), summary: account.email, actor: admin, at: now, on: db)
    }

    /// Takes two-factor sign-in off an account whose owner lost both the phone and the recovery
    /// codes, as `s3desk user reset-2fa` does; where their role requires it, they set it up again
    /// at their next sign-in. Their sessions and tokens end: they began with the old factor.
    static func resetSecondFactor(of accountID: UUID, by admin: User, in context: ServiceContext) async throws -> User {
        try await change(accountID, by: admin, in: context) { account, policy, db in
            let isSet = account.usesSecondFactor || account.totpPendingSecret != nil
            if let refusal = policy.refusalToResetSecondFactor(isSet: isSet) { throw refused(refusal) }
            try await TwoFactorAccounts.remove(from: account, actor: admin, at: context.now, on: db)
        }
    }

    /// The policy of `admin` over the account, with the count of active administrators read
    /// the same way the changes read it.
    static func policy(of admin: User, over account: User, on db: any Database) async throws -> AccountPolicy {
        AccountPolicy(actor: admin.role, isSelf: admin.id == account.id, target: account.role, isActive: account.isActive,
                      activeAdmins: try await activeAdmins(on: db))
    }

    /// Administrators who can sign in: an invitation not yet accepted has no password, and may never be.
    static func activeAdmins(on db: any Database) async throws -> Int {
        try await User.query(on: db).filter(\.$role == .admin).filter(\.$deactivatedAt == nil).filter(\.$passwordHash != "").count()
    }

    private static func change(_ accountID: UUID, by admin: User, in context: ServiceContext,
                               _ body: @escaping @Sendable (User, AccountPolicy, any Database) async throws -> Void) async throws -> User {
        guard admin.role.may(.manageUsers) else { throw AppError.forbidden }
        return try await context.db.writeTransaction { db in
            // The active administrators first, then the account, each in id order: a concurrent
            // change waits here and then counts what the first one left.
            try await db.lockActiveAdmins()
            try await db.lockRow(User.schema, id: accountID)
            // The acting administrator as they are now: a change that committed while this one
            // waited may have demoted or deactivated them.
            guard let actor = try await User.find(admin.requireID(), on: db), actor.isActive, actor.role.may(.manageUsers) else {
                throw AppError.forbidden
            }
            guard let account = try await User.find(accountID, on: db) else { throw AppError.notFound("account") }
            try await body(account, try await policy(of: actor, over: account, on: db), db)
            return account
        }
    }

    private static func refused(_ refusal: AccountPolicy.Refusal, field: String? = nil) -> AppError {
        switch refusal {
        case .notAllowed: AppError.forbidden
        case .notStaff where field != nil: AppError.invalidField("role", refusal.message)
        case .notStaff: AppError.conflict("not_staff", refusal.message)
        case .lastAdmin: AppError.conflict("last_admin", refusal.message)
        case .ownAccount: AppError.conflict("own_account", refusal.message)
        case .alreadyActive: AppError.conflict("already_active", refusal.message)
        case .alreadyInactive: AppError.conflict("already_inactive", refusal.message)
        case .ownSecondFactor: AppError.conflict("own_account", refusal.message)
        case .noSecondFactor: AppError.conflict("two_factor_off", refusal.message)
        }
    }
}

extension Database {
    /// Locks the rows `StaffAccounts.activeAdmins` counts, so that a change that could leave no
    /// administrator counts what a concurrent one left.
    func lockActiveAdmins() async throws {
        guard let sql = self as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("SELECT id FROM users WHERE role = 'admin' AND deactivated_at IS NULL AND password_hash <> '' ORDER BY id FOR UPDATE").run()
    }
}
