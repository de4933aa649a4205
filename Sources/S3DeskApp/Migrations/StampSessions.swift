import Fluent
import SQLKit

/// When each web session began and was last used (`StoredSession`), indexed for the cleanup
/// job. Rows from before have neither, and count as ended: a cookie from weeks ago signs no one in.
struct StampSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        try await db.schema(StoredSession.schema).field("created_at", .datetime).update()
        try await db.schema(StoredSession.schema).field("seen_at", .datetime).update()
        try await SQLIndex.create("fluent_sessions_seen_at_idx", on: StoredSession.schema, columns: "seen_at", db: db)
        try await SQLIndex.create("fluent_sessions_created_at_idx", on: StoredSession.schema, columns: "created_at", db: db)
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.drop(index: "fluent_sessions_seen_at_idx").run()
            try await sql.drop(index: "fluent_sessions_created_at_idx").run()
        }
        try await db.schema(StoredSession.schema).deleteField("seen_at").update()
        try await db.schema(StoredSession.schema).deleteField("created_at").update()
    }
}
