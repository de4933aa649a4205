import Fluent
import SQLKit

/// Lists show the newest first with the id as tie-break (`created_at DESC, id DESC`): each
/// filter's index ends with both, so a page of 50 out of 10,000 is read in order from the index
/// instead of sorting every matching row (with its form) on each request.
struct IndexListOrders: AsyncMigration {
    private static let replaced: [(table: String, old: String, new: String, columns: [String])] = [
        ("applications", "applications_round_id_idx", "applications_round_list_idx", ["round_id", "created_at", "id"]),
        ("applications", "applications_call_id_idx", "applications_call_list_idx", ["call_id", "created_at", "id"]),
        ("applications", "applications_status_idx", "applications_status_list_idx", ["status", "created_at", "id"]),
        ("applications", "applications_organisation_id_idx", "applications_organisation_list_idx", ["organisation_id", "created_at", "id"]),
        ("applications", "applications_country_code_idx", "applications_country_list_idx", ["country_code", "created_at", "id"]),
        ("applications", "applications_category_idx", "applications_category_list_idx", ["category", "created_at", "id"]),
        ("applications", "applications_created_at_idx", "applications_list_idx", ["created_at", "id"]),
        ("outbox_emails", "outbox_emails_created_at_idx", "outbox_emails_list_idx", ["created_at", "id"]),
    ]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for index in Self.replaced {
            try await SQLIndex.create(index.new, on: index.table, columns: index.columns, db: db)
            try await sql.drop(index: index.old).run()
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for index in Self.replaced {
            try await SQLIndex.create(index.old, on: index.table, columns: Array(index.columns.dropLast()), db: db)
            try await sql.drop(index: index.new).run()
        }
    }
}
