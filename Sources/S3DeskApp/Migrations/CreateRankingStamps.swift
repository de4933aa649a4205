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
    /// What moves the counter: table, the events, how the trigger finds the round (`ROW` stands
    /// for NEW or OLD).
    private static let sources: [(table: String, events: [String], round: String)] = [
        ("applications", ["INSERT", "DELETE", "UPDATE OF status, priority, round_id, submitted_at"], "ROW.round_id"),
        ("assessments", ["INSERT", "DELETE", "UPDATE"], "(SELECT round_id FROM applications WHERE id = ROW.application_id)"),
        ("decisions", ["INSERT", "DELETE", "UPDATE"], "ROW.round_id"),
    ]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await db.schema("ranking_stamps")
            .field("round_id", .uuid, .identifier(auto: false), .references("rounds", "id", onDelete: .cascade))
            .field("stamp", .int64, .required)
            .create()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE TRIGGER rounds_ranking_stamp AFTER INSERT ON rounds BEGIN INSERT OR IGNORE INTO ranking_stamps (round_id, stamp) VALUES (NEW.id, 0); END").run()
            for source in Self.sources {
                for (index, event) in source.events.enumerated() {
                    let rows = event == "INSERT" ? ["NEW"] : event == "DELETE" ? ["OLD"] : ["NEW", "OLD"]
                    let rounds = rows.map { source.round.replacingOccurrences(of: "ROW", with: $0) }.joined(separator: ", ")
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: "\(source.table)_ranking_stamp_\(index)") AFTER \(unsafeRaw: event) ON \(unsafeRaw: source.table)
                        BEGIN UPDATE ranking_stamps SET stamp = stamp + 1 WHERE round_id IN (\(unsafeRaw: rounds)); END
                        """).run()
                }
            }
        } else {
            try await sql.raw("""
                CREATE FUNCTION rounds_ranking_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO ranking_stamps (round_id, stamp) VALUES (NEW.id, 0) ON CONFLICT DO NOTHING; RETURN NULL; END $$
                """).run()
            try await sql.raw("CREATE TRIGGER rounds_ranking_stamp AFTER INSERT ON rounds FOR EACH ROW EXECUTE FUNCTION rounds_ranking_stamp()").run()
            for source in Self.sources {
                let new = source.round.replacingOccurrences(of: "ROW", with: "NEW")
                let old = source.round.replacingOccurrences(of: "ROW", with: "OLD")
                try await sql.raw("""
                    CREATE FUNCTION \(unsafeRaw: source.table)_ranking_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF TG_OP = 'INSERT' THEN UPDATE ranking_stamps SET stamp = stamp + 1 WHERE round_id = \(unsafeRaw: new);
                      ELSIF TG_OP = 'DELETE' THEN UPDATE ranking_stamps SET stamp = stamp + 1 WHERE round_id = \(unsafeRaw: old);
                      ELSE UPDATE ranking_stamps SET stamp = stamp + 1 WHERE round_id IN (\(unsafeRaw: new), \(unsafeRaw: old));
                      END IF;
                      RETURN NULL;
                    END $$
                    """).run()
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: source.table)_ranking_stamp AFTER \(unsafeRaw: source.events.joined(separator: " OR ")) ON \(unsafeRaw: source.table)
                    FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: source.table)_ranking_stamp()
                    """).run()
            }
        }
        // After the triggers: a round created meanwhile (by a server still on the previous
        // version) is in one or the other, never in neither.
        try await sql.raw("INSERT INTO ranking_stamps (round_id, stamp) SELECT id, 0 FROM rounds WHERE id NOT IN (SELECT round_id FROM ranking_stamps)").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER rounds_ranking_stamp").run()
            for source in Self.sources {
                for index in source.events.indices {
                    try await sql.raw("DROP TRIGGER \(unsafeRaw: "\(source.table)_ranking_stamp_\(index)")").run()
                }
            }
        } else {
            for table in ["rounds"] + Self.sources.map(\.table) {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_ranking_stamp ON \(unsafeRaw: table)").run()
                try await sql.raw("DROP FUNCTION \(unsafeRaw: table)_ranking_stamp()").run()
            }
        }
        try await db.schema("ranking_stamps").delete()
    }
}
