import Fluent
import SQLKit

/// The specific challenges each application declares, one row each beside its topics, so the
/// monitoring counts and filters by challenge without reading every form. Filled for the
/// applications that exist, from their forms.
struct CreateApplicationChallenges: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ApplicationChallenge.schema)
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .unique(on: "application_id", "kind")
            .create()
        try await SQLIndex.create("application_challenges_kind_idx", on: ApplicationChallenge.schema, columns: ["kind", "application_id"], db: db)
        guard let sql = db as? any SQLDatabase else { return }
        // In id order and in batches: a large database is never read whole into memory.
        var after: UUID?
        while true {
            var query = sql.select().columns("id", "content").from(ApplicationRecord.schema).orderBy("id").limit(500)
            if let after { query = query.where("id", .greaterThan, after) }
            let rows = try await query.all()
            guard let last = rows.last else { break }
            for row in rows {
                let content = try row.decode(column: "content", as: StoredApplicationContent.self).content
                try await ApplicationChallenge.replace(of: try row.decode(column: "id", as: UUID.self), with: content, on: db)
            }
            after = try last.decode(column: "id", as: UUID.self)
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ApplicationChallenge.schema).delete()
    }
}
