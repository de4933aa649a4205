import Fluent

/// What several app servers on one database must share: the outbox's claims (a lease per email,
/// so two workers never take the same one and a crashed worker's are retried) and the rate
/// limits (so that guessing through another server gets no fresh allowance).
struct CreateSharedLimits: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(OutboxEmail.schema).field("lease_until", .datetime).update()
        try await db.schema(RateLimitRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("last_failure", .datetime, .required)
            .create()
        try await SQLIndex.create("rate_limits_last_failure_idx", on: RateLimitRecord.schema, columns: "last_failure", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema(RateLimitRecord.schema).delete()
        try await db.schema(OutboxEmail.schema).deleteField("lease_until").update()
    }
}
