import Fluent

/// The whole priority (category, bonuses, explanation) stored with each application, so that
/// the list, the page, the ranking and the exports read one value. Filled for existing rows
/// from the categories and policies in force now, before the reference data of this start
/// loads (its changes then show in the audit trail like any later one).
struct AddStoredPriority: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("applications").field("priority", .json).update()
        try await PriorityRefresh.fillMissing(on: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("applications").deleteField("priority").update()
    }
}
