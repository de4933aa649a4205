import Fluent
import SQLKit

/// The applications not yet in a round (drafts), by call, covering what `MonitoringCache`
/// counts of them on every dashboard view: without it, both databases walk the call's index
/// and read each of its 10,000 submitted applications to find the few drafts.
struct IndexUnroundedApplications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE INDEX applications_unrounded_idx ON applications (call_id, status, country_code, category) WHERE round_id IS NULL
            """).run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.drop(index: "applications_unrounded_idx").run()
    }
}
