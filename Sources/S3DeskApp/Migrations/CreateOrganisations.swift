import Fluent

/// Organisations of applicants, and the account fields registration needs.
struct CreateOrganisations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("organisations")
            .id()
            .field("name", .string, .required)
            .field("authority_type", .string, .required)
            .field("territory", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("organisations_territory_idx", on: "organisations", columns: "territory", db: db)
        // One column per statement: SQLite's ALTER TABLE adds a single column.
        try await db.schema("users")
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .restrict))
            .update()
        try await db.schema("users").field("email_confirmed_at", .datetime).update()
        try await SQLIndex.create("users_organisation_id_idx", on: "users", columns: "organisation_id", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("email_confirmed_at").update()
        try await db.schema("users").deleteField("organisation_id").update()
        try await db.schema("organisations").delete()
    }
}
