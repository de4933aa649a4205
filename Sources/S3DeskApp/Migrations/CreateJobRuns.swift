import Fluent

struct CreateJobRuns: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(JobRun.schema)
            .id()
            .field("job", .string, .required)
            .field("key", .string, .required)
            .field("due_at", .datetime, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("lease_until", .datetime)
            .field("next_attempt_at", .datetime)
            .field("runner", .string, .required)
            .field("claim", .uuid, .required)
            .field("outcome", .string)
            // The claim: one row per occurrence, whichever process inserts it first.
            .unique(on: "job", "key")
            .create()
        // The staff list, newest first.
        try await SQLIndex.create("job_runs_started_at_idx", on: JobRun.schema, columns: "started_at", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema(JobRun.schema).delete()
    }
}
