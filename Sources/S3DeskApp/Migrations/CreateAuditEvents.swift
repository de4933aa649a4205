import Fluent

struct CreateAuditEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_events")
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid, .references("users", "id", onDelete: .restrict))
            .field("action", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("summary", .string, .required)
            .create()
        try await SQLIndex.create("audit_events_subject_idx", on: "audit_events",
                                  columns: "subject_type", "subject_id", "occurred_at", db: db)
        try await SQLIndex.create("audit_events_actor_id_idx", on: "audit_events", columns: "actor_id", db: db)
        try await SQLIndex.create("audit_events_occurred_at_idx", on: "audit_events", columns: "occurred_at", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("audit_events").delete()
    }
}
