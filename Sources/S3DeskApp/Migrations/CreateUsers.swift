import Fluent

struct CreateUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await SQLIndex.create("users_role_idx", on: "users", columns: "role", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").delete()
    }
}
