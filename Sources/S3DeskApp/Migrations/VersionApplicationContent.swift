import Fluent
import SQLKit

/// Marks the content of every application written before its layout had a version as version
/// 1, in one statement per database (thousands of rows take milliseconds).
struct VersionApplicationContent: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                UPDATE applications SET content = json_set(content, '$.version', 1)
                WHERE json_extract(content, '$.version') IS NULL
                """).run()
        } else {
            try await sql.raw("""
                UPDATE applications SET content = jsonb_set(content, '{version}', '1')
                WHERE content->'version' IS NULL
                """).run()
        }
    }

    /// Nothing to undo: version 1 is what a document without a version is read as.
    func revert(on db: any Database) async throws {}
}
