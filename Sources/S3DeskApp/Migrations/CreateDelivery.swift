import Fluent
import SQLKit

/// What an assignment gathers from launch to closure: the timesheet, extension requests,
/// milestones, the discussion thread and the documents (their bytes in a table of their own, so
/// listing documents never reads them), and the closure's facts on the assignment itself.
struct CreateDelivery: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("timesheet_entries")
            .id()
            .field("assignment_id", .uuid, .required, .references("assignments", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("half_days", .int, .required)
            .field("activity", .string, .required)
            .field("output", .string, .required)
            .field("status", .string, .required)
            .field("logged_by", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .field("logged_at", .datetime, .required)
            .field("reviewed_by", .uuid, .references("users", "id", onDelete: .restrict))
            .field("reviewed_at", .datetime)
            .field("review_note", .string, .required)
            .create()
        try await SQLIndex.create("timesheet_entries_assignment_idx", on: "timesheet_entries", columns: "assignment_id", "date", db: db)
        try await SQLIndex.create("timesheet_entries_status_idx", on: "timesheet_entries", columns: "status", "assignment_id", db: db)
        try await SQLIndex.create("timesheet_entries_logged_by_idx", on: "timesheet_entries", columns: "logged_by", db: db)
        try await SQLIndex.create("timesheet_entries_reviewed_by_idx", on: "timesheet_entries", columns: "reviewed_by", db: db)

        try await db.schema("assignment_extensions")
            .id()
            .field("assignment_id", .uuid, .required, .references("assignments", "id", onDelete: .cascade))
            .field("previous_end", .string, .required)
            .field("requested_end", .string, .required)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("requested_by", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .field("requested_at", .datetime, .required)
            .field("decided_by", .uuid, .references("users", "id", onDelete: .restrict))
            .field("decided_at", .datetime)
            .field("decision_note", .string, .required)
            .create()
        try await SQLIndex.create("assignment_extensions_assignment_idx", on: "assignment_extensions", columns: "assignment_id", "requested_at", db: db)
        try await SQLIndex.create("assignment_extensions_requested_by_idx", on: "assignment_extensions", columns: "requested_by", db: db)
        try await SQLIndex.create("assignment_extensions_decided_by_idx", on: "assignment_extensions", columns: "decided_by", db: db)

        try await db.schema("milestones")
            .id()
            .field("assignment_id", .uuid, .required, .references("assignments", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("due_date", .string, .required)
            .field("created_by", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .field("created_at", .datetime, .required)
            .field("done_by", .uuid, .references("users", "id", onDelete: .restrict))
            .field("done_at", .datetime)
            .create()
        try await SQLIndex.create("milestones_assignment_idx", on: "milestones", columns: "assignment_id", "due_date", db: db)
        try await SQLIndex.create("milestones_created_by_idx", on: "milestones", columns: "created_by", db: db)
        try await SQLIndex.create("milestones_done_by_idx", on: "milestones", columns: "done_by", db: db)

        try await db.schema("assignment_messages")
            .id()
            .field("assignment_id", .uuid, .required, .references("assignments", "id", onDelete: .cascade))
            .field("author_id", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .field("body", .string, .required)
            .field("posted_at", .datetime, .required)
            .create()
        try await SQLIndex.create("assignment_messages_assignment_idx", on: "assignment_messages", columns: "assignment_id", "posted_at", db: db)
        try await SQLIndex.create("assignment_messages_author_idx", on: "assignment_messages", columns: "author_id", db: db)

        try await db.schema("documents")
            .id()
            .field("assignment_id", .uuid, .required, .references("assignments", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .field("uploaded_at", .datetime, .required)
            .create()
        try await SQLIndex.create("documents_assignment_idx", on: "documents", columns: "assignment_id", "uploaded_at", db: db)
        try await SQLIndex.create("documents_uploaded_by_idx", on: "documents", columns: "uploaded_by", db: db)
        try await db.schema("document_contents")
            .field("id", .uuid, .identifier(auto: false), .references("documents", "id", onDelete: .cascade))
            .field("bytes", .data, .required)
            .create()

        // One column per statement: SQLite adds one at a time.
        // Kept under the assignment's lock with every entry, so the budget check and every list
        // read one number rather than summing the timesheet.
        try await db.schema("assignments").field("half_days_logged", .int, .required, .sql(.default(SQLLiteral.numeric("0")))).update()
        for field in [("final_report_summary", DatabaseSchema.DataType.string),
                      ("final_report_at", .datetime), ("satisfaction", .int), ("feedback_comment", .string),
                      ("feedback_at", .datetime), ("closed_at", .datetime)] {
            try await db.schema("assignments").field(.string(field.0), field.1).update()
        }
        for field in ["final_report_id", "feedback_by", "closed_by"] {
            let table = field == "final_report_id" ? "documents" : "users"
            try await db.schema("assignments").field(.string(field), .uuid, .references(table, "id", onDelete: .restrict)).update()
        }
        try await SQLIndex.create("assignments_final_report_idx", on: "assignments", columns: "final_report_id", db: db)
        try await SQLIndex.create("assignments_feedback_by_idx", on: "assignments", columns: "feedback_by", db: db)
        try await SQLIndex.create("assignments_closed_by_idx", on: "assignments", columns: "closed_by", db: db)
    }

    func revert(on db: any Database) async throws {
        // SQLite drops no indexed column: the indexes go first.
        if let sql = db as? any SQLDatabase {
            for index in ["assignments_final_report_idx", "assignments_feedback_by_idx", "assignments_closed_by_idx"] {
                try await sql.drop(index: index).ifExists().run()
            }
        }
        for field in ["closed_by", "feedback_by", "final_report_id", "closed_at", "feedback_at", "feedback_comment", "satisfaction",
                      "final_report_at", "final_report_summary", "half_days_logged"] {
            try await db.schema("assignments").deleteField(.string(field)).update()
        }
        for table in ["document_contents", "documents", "assignment_messages", "milestones", "assignment_extensions", "timesheet_entries"] {
            try await db.schema(table).delete()
        }
    }
}
