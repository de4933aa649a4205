import Fluent

/// Each person's notices, their count of unread ones kept on their row (the header shows it on
/// every page without a query), and the optional emails they turned off.
struct CreateNotices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Notice.schema)
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("link", .string)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await SQLIndex.create("notices_user_idx", on: Notice.schema, columns: "user_id", "created_at", db: db)
        try await SQLIndex.create("notices_unread_idx", on: Notice.schema, columns: "user_id", "read_at", db: db)
        // Null until the first recount: a user's row is written by code that knows nothing of it.
        try await db.schema("users").field("unread_notices", .int).update()
        try await db.schema("users").field("email_choices", .json).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("email_choices").update()
        try await db.schema("users").deleteField("unread_notices").update()
        try await db.schema(Notice.schema).delete()
    }
}
