import Fluent

struct CreateApplications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("reference_counters")
            .field("year", .int, .identifier(auto: false))
            .field("last", .int, .required)
            .create()
        try await db.schema("applications")
            .id()
            .field("reference", .string, .required)
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .restrict))
            .field("round_id", .uuid, .references("rounds", "id", onDelete: .restrict))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("created_by", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .field("status", .string, .required)
            .field("content", .json, .required)
            .field("territory", .string, .required)
            .field("country_code", .string, .required)
            .field("category", .string, .required)
            .field("priority_bonus", .int, .required)
            .field("search_name", .string, .required)
            .field("submitted_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "reference")
            .create()
        for (name, columns) in [
            ("applications_call_id_idx", ["call_id", "created_at"]),
            ("applications_round_id_idx", ["round_id"]),
            ("applications_organisation_id_idx", ["organisation_id", "created_at"]),
            ("applications_created_by_idx", ["created_by"]),
            ("applications_status_idx", ["status", "created_at"]),
            ("applications_country_code_idx", ["country_code"]),
            ("applications_category_idx", ["category"]),
            ("applications_search_name_idx", ["search_name"]),
            ("applications_created_at_idx", ["created_at"]),
        ] {
            try await SQLIndex.create(name, on: "applications", columns: columns, db: db)
        }
        try await db.schema("application_topics")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("topic", .string, .required)
            .unique(on: "application_id", "topic")
            .create()
        try await SQLIndex.create("application_topics_topic_idx", on: "application_topics", columns: ["topic", "application_id"], db: db)
        try await db.schema("application_transitions")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid, .references("users", "id", onDelete: .restrict))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("reason", .string, .required)
            .create()
        try await SQLIndex.create("application_transitions_application_idx", on: "application_transitions",
                                  columns: ["application_id", "at"], db: db)
        try await SQLIndex.create("application_transitions_actor_id_idx", on: "application_transitions", columns: ["actor_id"], db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("application_transitions").delete()
        try await db.schema("application_topics").delete()
        try await db.schema("applications").delete()
        try await db.schema("reference_counters").delete()
    }
}
