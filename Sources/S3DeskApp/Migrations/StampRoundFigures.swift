import Fluent
import SQLKit

/// The round's counter (`ranking_stamps`) also moves with what the monitoring counts of each
/// application beyond the ranking: its topics, challenges, territory and category.
/// `MonitoringCache` then keeps the figures of a call while its rounds' counters stand still.
/// Those rows change only with the application's own (under the round's lock, as a submission
/// takes it); meetings and assignments, changed under their own locks, are few and read afresh
/// on every view instead (`MonitoringFacts.Delivery`).
struct StampRoundFigures: AsyncMigration {
    private static let ofApplication = "(SELECT round_id FROM applications WHERE id = ROW.application_id)"
    private static let triggers = RoundStampTriggers(name: "figure_stamp", sources: [
        .init(table: "applications", events: ["UPDATE OF country_code, category, reference"], round: "ROW.round_id"),
        .init(table: "application_topics", events: ["INSERT", "DELETE", "UPDATE"], round: ofApplication),
        .init(table: "application_challenges", events: ["INSERT", "DELETE", "UPDATE"], round: ofApplication),
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
