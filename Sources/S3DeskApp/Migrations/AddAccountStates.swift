import Fluent

/// Accounts an administrator deactivated (kept, because applications, decisions and the audit
/// trail name them); the generation of an account's web sessions, which a password change
/// moves on so that the sessions of the one before no longer count; and the address an email-change link is for, which
/// becomes the account's only when the link is followed.
struct AddAccountStates: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        try await db.schema(User.schema).field("deactivated_at", .datetime).update()
        try await db.schema(User.schema).field("session_generation", .int).update()
        try await db.schema(AccountToken.schema).field("new_email", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AccountToken.schema).deleteField("new_email").update()
        try await db.schema(User.schema).deleteField("session_generation").update()
        try await db.schema(User.schema).deleteField("deactivated_at").update()
    }
}
