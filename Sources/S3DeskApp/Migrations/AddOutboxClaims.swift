import Fluent

/// Each claim of an email carries the claiming pass's token, so that a worker whose lease
/// lapsed (a slow SMTP server) can neither renew it nor record an outcome over another's claim.
struct AddOutboxClaims: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(OutboxEmail.schema).field("claim", .uuid).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(OutboxEmail.schema).deleteField("claim").update()
    }
}
