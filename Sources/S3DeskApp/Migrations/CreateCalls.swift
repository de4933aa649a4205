import Fluent

struct CreateCalls: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("calls")
            .id()
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("time_zone", .string, .required)
            .field("capacity_per_round", .int, .required)
            .field("expert_days_per_assignment", .int, .required)
            .field("closes_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await SQLIndex.create("calls_closes_at_idx", on: "calls", columns: "closes_at", db: db)
        try await db.schema("rounds")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("cutoff_date", .string, .required)
            .field("cutoff_at", .datetime, .required)
            .field("topic_meetings_due", .string, .required)
            .field("launch_due", .string, .required)
            .field("capacity", .int, .required)
            .unique(on: "call_id", "cutoff_date")
            .create()
        try await SQLIndex.create("rounds_call_id_idx", on: "rounds", columns: "call_id", "number", db: db)
        try await SQLIndex.create("rounds_cutoff_at_idx", on: "rounds", columns: "cutoff_at", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("rounds").delete()
        try await db.schema("calls").delete()
    }
}
