import Fluent

/// Whether an administrator allowed an authority's applications territories outside its own
/// country (`Organisation.otherCountriesAllowed`).
struct AllowOtherCountries: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Organisation.schema).field("other_countries_allowed", .bool).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Organisation.schema).deleteField("other_countries_allowed").update()
    }
}
