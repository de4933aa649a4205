import Fluent
import S3DeskDomain
import SQLKit
import Vapor

/// Erasure at the person's request: the account stays as a placeholder row, so every
/// application, decision, timesheet and audit entry that names it by id keeps its integrity,
/// and nothing left says who the person was.
enum AccountErasure {
    /// After the password (and the second factor, when the account has one), as a last check
    /// that the owner is asking.
    static func erase(_ user: User, password: String, code: String?, limits: PasswordCheckLimits, in context: ServiceContext) async throws {
        guard try await limits.verify(password, of: user, in: context) else {
            throw AppError.invalidField("password", "enter your current password as you use it to sign in")
        }
        if user.usesSecondFactor {
            try await TwoFactorAccounts.verify(code ?? "", of: user, throttle: limits.throttle, in: context)
        }
        let id = try user.requireID()
        try await context.db.writeTransaction { db in
            // Always: the role read before the transaction may have changed since.
            try await db.lockActiveAdmins()
            try await db.lockRow(User.schema, id: id)
            guard let stored = try await User.find(id, on: db), stored.erasedAt == nil else { return }
            if let refusal = PersonalData.erasureRefusal(role: stored.role, activeAdmins: try await StaffAccounts.activeAdmins(on: db),
                                                         assignmentsInProgress: try await assignmentsInProgress(of: id, on: db)) {
                throw AppError.conflict(refusal == .lastAdmin ? "last_admin" : "assignment_in_progress", refusal.message)
            }
            try await anonymise(stored, at: context.now, on: db)
            try await AuditLog.record(.accountErased, subject: .user(id), summary: "at the person's request", actor: stored,
                                      at: context.now, on: db)
            user.email = stored.email
            user.name = stored.name
        }
    }

    private static func assignmentsInProgress(of userID: UUID, on db: any Database) async throws -> Int {
        guard let expert = try await Expert.query(on: db).filter(\.$user.$id == userID).first() else { return 0 }
        // Held until the erasure commits: an assignment made meanwhile waits, then sees the profile gone.
        try await db.lockRow(Expert.schema, id: try expert.requireID())
        return try await Assignment.query(on: db).filter(\.$expert.$id == expert.requireID())
            .filter(\.$status ~~ [.scoping, .launched]).count()
    }

    private static func anonymise(_ user: User, at now: Date, on db: any Database) async throws {
        let id = try user.requireID()
        let email = user.email
        // The addresses a change was waiting for are the person's too.
        let pending = try await AccountToken.query(on: db).filter(\.$user.$id == id).all().compactMap(\.newEmail)
        user.email = PersonalData.erasedEmail(for: id)
        user.name = PersonalData.erasedName
        user.passwordHash = ""
        user.deactivatedAt = user.deactivatedAt ?? now
        user.erasedAt = now
        user.sessionGeneration = (user.sessionGeneration ?? 0) + 1
        user.emailChoices = nil
        user.totpSecret = nil
        user.totpPendingSecret = nil
        try await user.save(on: db)
        try await APIToken.query(on: db).filter(\.$user.$id == id).delete()
        try await AccountToken.query(on: db).filter(\.$user.$id == id).delete()
        let limited = [LoginThrottle.Limit.signInAddress, .resetAddress, .takenAddressEmails].map { $0.key(email) }
            + [LoginThrottle.Limit.secondFactor.key(id.uuidString)]
        try await RateLimitRecord.query(on: db).filter(\.$id ~~ limited).delete()
        try await RecoveryCode.query(on: db).filter(\.$user.$id == id).delete()
        try await Notice.query(on: db).filter(\.$user.$id == id).delete()
        // The emails were to the person; the audit trail says what was sent, not the outbox.
        try await OutboxEmail.query(on: db).filter(\.$recipient ~~ ([email] + pending)).delete()

        let expert = try await Expert.query(on: db).filter(\.$user.$id == id).first()
        let expertName = expert?.name
        if let expert {
            expert.name = PersonalData.erasedName
            expert.email = user.email
            expert.phone = ""
            expert.profile = ""
            expert.searchName = PersonalData.erasedName.lowercased()
            expert.availableDays = 0
            expert.maxAssignments = 0
            try await expert.save(on: db)
            try await ExpertFacet.query(on: db).filter(\.$expert.$id == expert.requireID()).delete()
        }
        if let organisation = user.$organisation.id {
            // The authority's applications stay; only where this person is the contact does the contact go.
            for application in try await ApplicationRecord.query(on: db).filter(\.$organisation.$id == organisation).all()
            where application.content.contact?.email.flatMap(Credentials.normalisedEmail) == email {
                application.content.contact = PersonalData.removed(application.content.contact)
                try await application.save(on: db)
            }
        }
        try await scrubAuditSummaries(email: email, of: id, expert: expert?.id, expertName: expertName, on: db)
    }

    /// Summaries sit outside the audit chain (`AuditChain`), so rewriting them breaks no hash.
    /// Entries by or about the person (their account, their expert profile) lose their summary
    /// whole, since it may hold a former name or address; elsewhere the address goes wherever it
    /// appears, found by position rather than `LIKE`, in which `_`, `%` or `\\` would be patterns.
    /// An expert's name goes from the assignments' entries that the service writes with it
    /// ("Marco Bianchi (fit 80)", "…, expert Marco Bianchi"), never from text people typed.
    private static func scrubAuditSummaries(email: String, of id: UUID, expert: UUID?, expertName: String?, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let subjects = [id.uuidString] + (expert.map { [$0.uuidString] } ?? [])
        try await sql.raw("""
            UPDATE audit_events SET summary = \(bind: PersonalData.removedText)
            WHERE actor_id = \(bind: id) OR (subject_type IN ('user', 'expert') AND subject_id IN (\(binds: subjects)))
            """).run()
        func position(of text: String) -> SQLQueryString {
            sql.dialect.name == "sqlite" ? "instr(summary, \(bind: text))" : "strpos(summary, \(bind: text))"
        }
        try await sql.raw("""
            UPDATE audit_events SET summary = REPLACE(summary, \(bind: email), \(bind: PersonalData.removedText)) WHERE \(position(of: email)) > 0
            """).run()
        if let expertName, !expertName.isEmpty {
            try await sql.raw("""
                UPDATE audit_events SET summary = REPLACE(summary, \(bind: expertName), \(bind: PersonalData.removedText))
                WHERE subject_type = 'assignment' AND action IN (\(bind: AuditAction.expertAssigned.rawValue), \(bind: AuditAction.assignmentLaunched.rawValue))
                AND \(position(of: expertName)) > 0
                """).run()
        }
    }
}
