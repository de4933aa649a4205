import Fluent

/// Assessments, the secretariat's decisions, the Commission's endorsements, and each call's
/// ranking policy.
struct CreateAssessments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("assessments")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("assessor_id", .uuid, .required, .references("users", "id"))
            .field("conflict_of_interest", .bool, .required)
            .field("relevance", .int)
            .field("impact", .int)
            .field("ownership", .int)
            .field("feasibility", .int)
            .field("comment", .string, .required)
            .field("submitted_at", .datetime, .required)
            // One per assessor, enforced by the database too (two tabs submitting at once).
            .unique(on: "application_id", "assessor_id")
            .create()
        try await db.schema("decisions")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("round_id", .uuid, .required, .references("rounds", "id"))
            .field("decision", .string, .required)
            .field("reason", .string, .required)
            .field("decided_by", .uuid, .required, .references("users", "id"))
            .field("decided_at", .datetime, .required)
            .field("endorsed_at", .datetime)
            .unique(on: "application_id")
            .create()
        try await SQLIndex.create("decisions_round_idx", on: "decisions", columns: "round_id", "decision", db: db)
        try await db.schema("endorsements")
            .id()
            .field("round_id", .uuid, .required, .references("rounds", "id", onDelete: .cascade))
            .field("endorsed", .bool, .required)
            .field("comment", .string, .required)
            .field("officer_id", .uuid, .required, .references("users", "id"))
            .field("at", .datetime, .required)
            .create()
        try await SQLIndex.create("endorsements_round_idx", on: "endorsements", columns: "round_id", "at", db: db)
        try await db.schema("calls").field("ranking_policy", .json).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("calls").deleteField("ranking_policy").update()
        try await db.schema("endorsements").delete()
        try await db.schema("decisions").delete()
        try await db.schema("assessments").delete()
    }
}
