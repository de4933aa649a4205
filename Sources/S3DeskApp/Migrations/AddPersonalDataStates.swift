import Fluent
import SQLKit

/// When an account was erased at its owner's request, and when an ended application's
/// personal data was removed after the retention period (indexed for the job that looks for
/// the applications still to do).
struct AddPersonalDataStates: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("erased_at", .datetime).update()
        try await db.schema(ApplicationRecord.schema).field("personal_data_removed_at", .datetime).update()
        try await SQLIndex.create("applications_retention_idx", on: ApplicationRecord.schema,
                                  columns: "personal_data_removed_at", "status", "updated_at", db: db)
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.drop(index: "applications_retention_idx").run()
        }
        try await db.schema(ApplicationRecord.schema).deleteField("personal_data_removed_at").update()
        try await db.schema(User.schema).deleteField("erased_at").update()
    }
}
