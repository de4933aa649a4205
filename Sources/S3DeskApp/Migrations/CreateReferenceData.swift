import Fluent

struct CreateReferenceData: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("countries")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .create()
        try await db.schema("regions")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("country_code", .string, .required, .references("countries", "code"))
            .field("category", .string, .required)
            .field("category_source", .string, .required)
            .create()
        try await SQLIndex.create("regions_country_code_idx", on: "regions", columns: "country_code", db: db)
        try await SQLIndex.create("regions_category_idx", on: "regions", columns: "category", db: db)
        try await db.schema("topics")
            .field("slug", .string, .identifier(auto: false))
            .field("title", .string, .required)
            .field("methods", .array(of: .string), .required)
            .field("position", .int, .required)
            .create()
        try await SQLIndex.create("topics_position_idx", on: "topics", columns: "position", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("topics").delete()
        try await db.schema("regions").delete()
        try await db.schema("countries").delete()
    }
}
