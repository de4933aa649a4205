import Fluent

struct CreateClarifications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("clarifications")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("requested_by", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .field("message", .string, .required)
            .field("fields", .array(of: .string), .required)
            .field("deadline_date", .string, .required)
            .field("deadline_at", .datetime, .required)
            .field("requested_at", .datetime, .required)
            .field("answered_at", .datetime)
            .create()
        try await SQLIndex.create("clarifications_application_idx", on: "clarifications", columns: "application_id", "requested_at", db: db)
        try await SQLIndex.create("clarifications_requested_by_idx", on: "clarifications", columns: "requested_by", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("clarifications").delete()
    }
}
