import Fluent

struct CreateAccountTokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("account_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await SQLIndex.create("account_tokens_user_id_idx", on: "account_tokens", columns: "user_id", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("account_tokens").delete()
    }
}
