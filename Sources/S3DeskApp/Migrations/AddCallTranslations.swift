import Fluent

/// A call's title and description in French and German, as the secretariat writes them.
struct AddCallTranslations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Call.schema).field("translations", .json).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Call.schema).deleteField("translations").update()
    }
}
