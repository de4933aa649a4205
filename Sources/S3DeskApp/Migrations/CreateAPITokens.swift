import Fluent

struct CreateAPITokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await SQLIndex.create("api_tokens_user_id_idx", on: "api_tokens", columns: "user_id", db: db)
        try await SQLIndex.create("api_tokens_expires_at_idx", on: "api_tokens", columns: "expires_at", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("api_tokens").delete()
    }
}
