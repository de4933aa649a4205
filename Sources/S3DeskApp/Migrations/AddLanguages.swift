import Fluent

/// The language each person reads the service and its emails in; nil until they choose one.
struct AddLanguages: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("language", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("language").update()
    }
}
