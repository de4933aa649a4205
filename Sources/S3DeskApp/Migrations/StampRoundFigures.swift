import Fluent
import SQLKit

/// The round's counter (`ranking_stamps`) also moves with what the monitoring counts beyond the
/// ranking: an application's topics, challenges, territory and category, its meetings and its
/// assignment. `MonitoringCache` then keeps the figures of a call while its rounds' counters
/// stand still. A ranking is recomputed a little more often for it (a meeting booked, a
/// timesheet filled in), which is rare beside the reads it saves.
struct StampRoundFigures: AsyncMigration {
    private static let ofApplication = "(SELECT round_id FROM applications WHERE id = ROW.application_id)"
    private static let triggers = RoundStampTriggers(name: "figure_stamp", sources: [
        .init(table: "applications", events: ["UPDATE OF country_code, category, reference"], round: "ROW.round_id"),
        .init(table: "application_topics", events: ["INSERT", "DELETE", "UPDATE"], round: ofApplication),
        .init(table: "application_challenges", events: ["INSERT", "DELETE", "UPDATE"], round: ofApplication),
        .init(table: "meetings", events: ["INSERT", "DELETE", "UPDATE"], round: ofApplication),
        .init(table: "assignments", events: ["INSERT", "DELETE", "UPDATE"], round: ofApplication),
    ])

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await Self.triggers.create(on: sql)
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await Self.triggers.drop(on: sql)
    }
}
