import Fluent

struct CreateOutbox: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbox_emails")
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        // The worker's query, and the staff list (newest first).
        try await SQLIndex.create("outbox_emails_due_idx", on: "outbox_emails", columns: "status", "next_attempt_at", db: db)
        try await SQLIndex.create("outbox_emails_created_at_idx", on: "outbox_emails", columns: "created_at", db: db)
        try await SQLIndex.create("outbox_emails_recipient_idx", on: "outbox_emails", columns: "recipient", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox_emails").delete()
    }
}
