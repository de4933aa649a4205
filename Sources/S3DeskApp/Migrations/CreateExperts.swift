import Fluent

/// The expert pool, with one indexed row per topic, country and language of each expert so staff
/// search by them; and the catalogue's retired topics.
struct CreateExperts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("experts")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("phone", .string, .required)
            .field("profile", .string, .required)
            .field("topics", .array(of: .string), .required)
            .field("methods", .array(of: .string), .required)
            .field("countries", .array(of: .string), .required)
            .field("languages", .array(of: .string), .required)
            .field("available_days", .double, .required)
            .field("available_from", .string, .required)
            .field("available_until", .string, .required)
            .field("max_assignments", .int, .required)
            .field("conflict_regions", .array(of: .string), .required)
            .field("conflict_organisations", .array(of: .string), .required)
            .field("committed_days", .double, .required)
            .field("assignments_held", .int, .required)
            .field("search_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await SQLIndex.create("experts_search_name_idx", on: "experts", columns: "search_name", db: db)
        try await db.schema("expert_facets")
            .id()
            .field("expert_id", .uuid, .required, .references("experts", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .create()
        try await SQLIndex.create("expert_facets_value_idx", on: "expert_facets", columns: "kind", "value", "expert_id", db: db)
        try await SQLIndex.create("expert_facets_expert_idx", on: "expert_facets", columns: "expert_id", db: db)
        try await db.schema("topics").field("retired_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("topics").deleteField("retired_at").update()
        try await db.schema("expert_facets").delete()
        try await db.schema("experts").delete()
    }
}
