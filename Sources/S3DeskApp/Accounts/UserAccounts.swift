import Fluent
import S3DeskDomain
import Vapor

/// Creating accounts, for the command line now and for registration later.
enum UserAccounts {
    /// Validates and stores a new user, and records it in the audit trail.
    ///
    /// - Throws: `FieldErrors` naming `email`, `name` or `password`; a taken email is reported
    ///   on `email` too, so a person learns every problem at once.
    static func create(email rawEmail: String, name rawName: String, role: Role, password: String,
                       actor: User?, on db: any Database, hasher: AsyncPasswordHasher,
                       at now: Date) async throws -> User {
        var errors = problems(email: rawEmail, name: rawName, password: password)
        let email = Credentials.normalisedEmail(rawEmail)
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if let email, try await User.query(on: db).filter(\.$email == email).count() > 0 {
            errors.add("email", "an account with this address already exists")
        }
        try errors.throwIfAny()

        // Created by an administrator, who vouches for the address: no confirmation email.
        let user = User(email: email!, name: name, role: role,
                        passwordHash: try await hasher.hash(password), createdAt: now, emailConfirmedAt: now)
        try await db.writeTransaction { db in
            try await user.create(on: db)
            try await AuditLog.record(.userCreated, subject: .user(try user.requireID()),
                                      summary: "\(user.email) as \(role.rawValue)", actor: actor, at: now, on: db)
        }
        return user
    }

    /// What is wrong with an account's fields on their own, before any database is asked.
    static func problems(email: String, name rawName: String, password: String) -> FieldErrors {
        var errors = FieldErrors()
        if Credentials.normalisedEmail(email) == nil { errors.add("email", "enter an email address such as name@region.eu") }
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { errors.add("name", "enter a name of 1 to 200 characters") }
        if let problem = Credentials.passwordProblem(password) { errors.add("password", problem) }
        return errors
    }
}
