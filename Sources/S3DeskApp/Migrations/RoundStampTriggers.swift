import Fluent
import SQLKit

/// Triggers that move a round's counter in `ranking_stamps` whenever a row of a table changes,
/// on SQLite and on PostgreSQL alike. `CreateRankingStamps` and `StampRoundFigures` each install
/// a set under their own name, so that either can be reverted without the other.
struct RoundStampTriggers {
    /// A table, the events that move the counter, and how to find the round from a row (`ROW`
    /// stands for NEW or OLD).
    struct Source {
        let table: String
        let events: [String]
        let round: String
    }

    /// Names the triggers (and PostgreSQL's functions) `<table>_<name>`.
    let name: String
    let sources: [Source]

    func create(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            for source in sources {
                for (index, event) in source.events.enumerated() {
                    let rows = event == "INSERT" ? ["NEW"] : event == "DELETE" ? ["OLD"] : ["NEW", "OLD"]
                    let rounds = rows.map { source.round.replacingOccurrences(of: "ROW", with: $0) }.joined(separator: ", ")
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: "\(source.table)_\(name)_\(index)") AFTER \(unsafeRaw: event) ON \(unsafeRaw: source.table)
                        BEGIN UPDATE ranking_stamps SET stamp = stamp + 1 WHERE round_id IN (\(unsafeRaw: rounds)); END
                        """).run()
                }
            }
        } else {
            for source in sources {
                let new = source.round.replacingOccurrences(of: "ROW", with: "NEW")
                let old = source.round.replacingOccurrences(of: "ROW", with: "OLD")
                try await sql.raw("""
                    CREATE FUNCTION \(unsafeRaw: source.table)_\(unsafeRaw: name)() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF TG_OP = 'INSERT' THEN UPDATE ranking_stamps SET stamp = stamp + 1 WHERE round_id = \(unsafeRaw: new);
                      ELSIF TG_OP = 'DELETE' THEN UPDATE ranking_stamps SET stamp = stamp + 1 WHERE round_id = \(unsafeRaw: old);
                      ELSE UPDATE ranking_stamps SET stamp = stamp + 1 WHERE round_id IN (\(unsafeRaw: new), \(unsafeRaw: old));
                      END IF;
                      RETURN NULL;
                    END $$
                    """).run()
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: source.table)_\(unsafeRaw: name) AFTER \(unsafeRaw: source.events.joined(separator: " OR ")) ON \(unsafeRaw: source.table)
                    FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: source.table)_\(unsafeRaw: name)()
                    """).run()
            }
        }
    }

    func drop(on sql: any SQLDatabase) async throws {
        for source in sources {
            if sql.dialect.name == "sqlite" {
                for index in source.events.indices {
                    try await sql.raw("DROP TRIGGER \(unsafeRaw: "\(source.table)_\(name)_\(index)")").run()
                }
            } else {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: source.table)_\(unsafeRaw: name) ON \(unsafeRaw: source.table)").run()
                try await sql.raw("DROP FUNCTION \(unsafeRaw: source.table)_\(unsafeRaw: name)()").run()
            }
        }
    }
}
