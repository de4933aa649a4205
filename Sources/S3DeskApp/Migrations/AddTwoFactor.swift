import Fluent

/// Two-factor sign-in: the authenticator's secret on the account, and the recovery codes,
/// looked up by their hash at sign-in.
struct AddTwoFactor: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        try await db.schema(User.schema).field("totp_secret", .string).update()
        try await db.schema(User.schema).field("totp_pending_secret", .string).update()
        try await db.schema(User.schema).field("totp_last_counter", .int64).update()
        try await db.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "user_id", "code_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(RecoveryCode.schema).delete()
        try await db.schema(User.schema).deleteField("totp_last_counter").update()
        try await db.schema(User.schema).deleteField("totp_pending_secret").update()
        try await db.schema(User.schema).deleteField("totp_secret").update()
    }
}
