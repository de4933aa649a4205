import Fluent
import S3DeskDomain
import Vapor

/// Turning two-factor sign-in on and off, and checking the second factor: a code from the
/// person's authenticator app, or one of their recovery codes.
enum TwoFactorAccounts {
    static let issuer = "S3Desk"

    /// Draws a secret for the person to scan. It signs nothing in until `confirm` sees a code
    /// made with it, so a scan gone wrong leaves the account as it was.
    static func begin(for user: User, in context: ServiceContext) async throws -> String {
        guard !user.usesSecondFactor else {
            throw AppError.conflict("two_factor_on", "two-factor sign-in is already on for this account")
        }
        let secret = Base32.encode((0..<SecondFactor.secretBytes).map { _ in UInt8.random(in: .min ... .max) })
        let sealed = try context.secrets.seal(secret)
        try await User.query(on: context.db).filter(\.$id == user.requireID()).set(\.$totpPendingSecret, to: sealed).update()
        user.totpPendingSecret = sealed
        return secret
    }

    /// The secret waiting to be scanned, for the set-up page and its QR code.
    static func pendingSecret(of user: User, in secrets: SecretBox) -> String? {
        user.totpPendingSecret.flatMap(secrets.open)
    }

    /// Turns two-factor sign-in on once `typed` is a current code of the secret `begin` drew,
    /// and returns the recovery codes, shown this once. Every other session and API token ends:
    /// they began on the password alone. The password is asked again, so that a session left
    /// open cannot tie the account to someone else's phone.
    static func confirm(for user: User, code typed: String, password: String, limits: PasswordCheckLimits,
                        in context: ServiceContext) async throws -> [String] {
        guard let pending = pendingSecret(of: user, in: context.secrets), let secret = Base32.decode(pending) else {
            throw AppError.conflict("two_factor_not_begun", "start the set-up again: no code is waiting to be confirmed")
        }
        guard try await limits.verify(password, of: user, in: context) else {
            throw AppError.invalidField("password", "enter your current password as you use it to sign in")
        }
        guard let code = SecondFactor.normalisedCode(typed),
              let counter = OneTimeCode.matchingCounter(code, secret: secret, at: context.now) else {
            throw AppError.invalidField("code", "enter the 6-digit code your app shows now for S3Desk; check that your phone's clock is right")
        }
        let id = try user.requireID()
        let codes = RecoveryCode.draw()
        try await context.db.writeTransaction { db in
            try await Profiles.moveSessionGeneration(of: user, on: db)
            user.totpSecret = try context.secrets.seal(pending)
            user.totpPendingSecret = nil
            user.totpLastCounter = Int64(counter)
            try await user.save(on: db)
            try await replaceRecoveryCodes(of: id, with: codes, on: db)
            try await APIToken.query(on: db).filter(\.$user.$id == id).delete()
            try await AuditLog.record(.twoFactorEnabled, subject: .user(id), summary: "authenticator app and \(codes.count) recovery codes", actor: user, at: context.now, on: db)
        }
        return codes
    }

    /// Checks the second factor at sign-in or before a change; refuses with 401
    /// `invalid_second_factor`. Each code is good once: an app code for its time step, a
    /// recovery code for ever. Wrong codes count against the account, as wrong passwords do.
    static func verify(_ typed: String, of user: User, throttle: LoginThrottle, in context: ServiceContext) async throws {
        let id = try user.requireID()
        let accepted = try await context.db.writeTransaction { db in
            // The count is read and written under the account row's lock: guesses sent in
            // parallel take turns, so a burst cannot all pass the check before any is counted.
            try await db.lockRow(User.schema, id: id)
            try await throttle.check([(id.uuidString, .secondFactor, "too many wrong codes for this account")], on: db)
            guard try await matches(typed, userID: id, at: context.now, secrets: context.secrets, on: db) else {
                try await throttle.record(id.uuidString, .secondFactor, on: db)
                return false
            }
            try await throttle.forget(id.uuidString, .secondFactor, on: db)
            return true
        }
        guard accepted else {
            throw AppError(status: .unauthorized, code: "invalid_second_factor",
                           message: "this code is not right or was used already: enter the code your app shows now, or an unused recovery code",
                           fields: ["code": "enter the code your app shows now, or an unused recovery code"])
        }
    }

    /// Whether `typed` is an app code not used before or an unused recovery code, spending it.
    private static func matches(_ typed: String, userID id: UUID, at now: Date, secrets: SecretBox, on db: any Database) async throws -> Bool {
        guard let stored = try await User.find(id, on: db), let sealed = stored.totpSecret,
              let secret = secrets.open(sealed).flatMap(Base32.decode) else { return false }
        if let code = SecondFactor.normalisedCode(typed) {
            guard let counter = OneTimeCode.matchingCounter(code, secret: secret, at: now),
                  Int64(counter) > stored.totpLastCounter ?? -1 else { return false }
            stored.totpLastCounter = Int64(counter)
            // A secret stored before sealing began is sealed at its next use.
            if !SecretBox.isSealed(sealed) { stored.totpSecret = try secrets.seal(Base32.encode(secret)) }
            try await stored.save(on: db)
            return true
        }
        guard let recovery = try await RecoveryCode.query(on: db).filter(\.$user.$id == id)
            .filter(\.$codeHash == RecoveryCode.hash(typed)).filter(\.$usedAt == nil).first() else { return false }
        recovery.usedAt = now
        try await recovery.save(on: db)
        let left = try await recoveryCodesLeft(of: id, on: db)
        try await AuditLog.record(.recoveryCodeUsed, subject: .user(id), summary: "\(left) recovery codes left", actor: stored,
                                  at: now, on: db)
        return true
    }

    /// Recovery codes still unused.
    static func recoveryCodesLeft(of userID: UUID, on db: any Database) async throws -> Int {
        try await RecoveryCode.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).count()
    }

    /// New recovery codes in place of every earlier one, after a current code.
    static func renewRecoveryCodes(of user: User, code typed: String, throttle: LoginThrottle, in context: ServiceContext) async throws -> [String] {
        guard user.usesSecondFactor else { throw AppError.conflict("two_factor_off", "two-factor sign-in is off for this account") }
        try await verify(typed, of: user, throttle: throttle, in: context)
        let id = try user.requireID()
        let codes = RecoveryCode.draw()
        try await context.db.writeTransaction { db in
            try await replaceRecoveryCodes(of: id, with: codes, on: db)
            try await AuditLog.record(.recoveryCodesRenewed, subject: .user(id), summary: "\(codes.count) recovery codes", actor: user, at: context.now, on: db)
        }
        return codes
    }

    /// Turns two-factor sign-in off after the password and a current code, where the person's
    /// role does not require it.
    static func turnOff(for user: User, password: String, code typed: String, enforced: Bool, limits: PasswordCheckLimits,
                        in context: ServiceContext) async throws {
        guard user.usesSecondFactor else { throw AppError.conflict("two_factor_off", "two-factor sign-in is off for this account") }
        guard !SecondFactor.isRequired(for: user.role, enforced: enforced) else {
            throw AppError.conflict("two_factor_required", "\(user.role.label) accounts must sign in with two factors here; you may set up a new phone, not turn it off")
        }
        guard try await limits.verify(password, of: user, in: context) else {
            throw AppError.invalidField("password", "enter your current password as you use it to sign in")
        }
        try await verify(typed, of: user, throttle: limits.throttle, in: context)
        try await remove(from: user, actor: user, in: context)
    }

    /// Takes two-factor sign-in off an account: the person's own choice, or an administrator's
    /// help when the phone and the recovery codes are lost (`s3desk user reset-2fa`).
    static func remove(from user: User, actor: User?, in context: ServiceContext) async throws {
        try await context.db.writeTransaction { db in try await remove(from: user, actor: actor, at: context.now, on: db) }
    }

    /// The same inside a transaction the caller holds, with the account's row locked. Taken
    /// off by someone else (an administrator, the command line), the account's sessions and
    /// tokens end too: they began with the factor now gone.
    static func remove(from user: User, actor: User?, at now: Date, on db: any Database) async throws {
        let id = try user.requireID()
        if actor?.id != id {
            user.sessionGeneration = (user.sessionGeneration ?? 0) + 1
            try await APIToken.query(on: db).filter(\.$user.$id == id).delete()
        }
        user.totpSecret = nil
        user.totpPendingSecret = nil
        user.totpLastCounter = nil
        try await user.save(on: db)
        try await RecoveryCode.query(on: db).filter(\.$user.$id == id).delete()
        try await AuditLog.record(.twoFactorDisabled, subject: .user(id), summary: actor?.id == id ? "by the account's owner" : "by an administrator",
                                  actor: actor, at: now, on: db)
    }

    private static func replaceRecoveryCodes(of id: UUID, with codes: [String], on db: any Database) async throws {
        try await RecoveryCode.query(on: db).filter(\.$user.$id == id).delete()
        try await codes.map { RecoveryCode(userID: id, clear: $0) }.create(on: db)
    }
}
