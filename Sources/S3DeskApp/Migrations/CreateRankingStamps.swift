import Fluent
import SQLKit

/// A counter per round that the database itself moves whenever anything a ranking is made of
/// changes: an application's status, priority, round or submission instant, an assessment, a
/// decision. Read paths keep a computed ranking while its round's counter stands still
/// (`RankingCache`), on every app server alike, and no service has to remember to move it.
///
/// The counters sit in their own table, not on the round's row: services lock the round's row
/// first and its applications next, and a trigger writing to that row from a transaction that
/// holds an application's lock could wait on one that waits for it.
struct CreateRankingStamps: AsyncMigration {
    private static let triggers = RoundStampTriggers(name: "ranking_stamp", sources: [
        .init(table: "applications", events: ["INSERT", "DELETE", "UPDATE OF status, priority, round_id, submitted_at"], round: "ROW.round_id"),
        .init(table: "assessments", events: ["INSERT", "DELETE", "UPDATE"], round: "(SELECT round_id FROM applications WHERE id = ROW.application_id)"),
        .init(table: "decisions", events: ["INSERT", "DELETE", "UPDATE"], round: "ROW.round_id"),
    ])

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await db.schema("ranking_stamps")
            .field("round_id", .uuid, .identifier(auto: false), .references("rounds", "id", onDelete: .cascade))
            .field("stamp", .int64, .required)
            .create()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE TRIGGER rounds_ranking_stamp AFTER INSERT ON rounds BEGIN INSERT OR IGNORE INTO ranking_stamps (round_id, stamp) VALUES (NEW.id, 0); END").run()
        } else {
            try await sql.raw("""
                CREATE FUNCTION rounds_ranking_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO ranking_stamps (round_id, stamp) VALUES (NEW.id, 0) ON CONFLICT DO NOTHING; RETURN NULL; END $$
                """).run()
            try await sql.raw("CREATE TRIGGER rounds_ranking_stamp AFTER INSERT ON rounds FOR EACH ROW EXECUTE FUNCTION rounds_ranking_stamp()").run()
        }
        try await Self.triggers.create(on: sql)
        // After the triggers: a round created meanwhile (by a server still on the previous
        // version) is in one or the other, never in neither.
        try await sql.raw("INSERT INTO ranking_stamps (round_id, stamp) SELECT id, 0 FROM rounds WHERE id NOT IN (SELECT round_id FROM ranking_stamps)").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await Self.triggers.drop(on: sql)
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER rounds_ranking_stamp").run()
        } else {
            try await sql.raw("DROP TRIGGER rounds_ranking_stamp ON rounds").run()
            try await sql.raw("DROP FUNCTION rounds_ranking_stamp()").run()
        }
        try await db.schema("ranking_stamps").delete()
    }
}
