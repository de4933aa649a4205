import Fluent
import Foundation
import S3DeskDomain
import SQLKit
import Testing
import Vapor
@testable import S3DeskApp

/// The queries behind the staff list, the ranking and the round page are each served by an
/// index, on both databases: no full scan of the applications and no sort of the matching rows.
/// The SQL here is what those pages send (ApplicationFilters, RoundRanking, RankingCache).
@Suite("Query plans of the lists")
struct QueryPlanTests {
    static let round = "00000000-0000-0000-0000-000000000001"

    static let queries: [(name: String, table: String, sql: String)] = [
        ("staff list of a round", "applications",
         "SELECT * FROM applications WHERE round_id = '\(round)' ORDER BY created_at DESC, id DESC LIMIT 50"),
        ("staff list by status", "applications",
         "SELECT * FROM applications WHERE status = 'submitted' ORDER BY created_at DESC, id DESC LIMIT 50"),
        ("staff list, all", "applications", "SELECT * FROM applications ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 100"),
        ("ranking entries", "applications",
         "SELECT id, reference, territory, status, submitted_at, created_at, priority FROM applications WHERE round_id = '\(round)' AND status IN ('under_assessment', 'selected')"),
        ("ranking scores", "assessments",
         "SELECT a.application_id FROM assessments a JOIN applications p ON p.id = a.application_id WHERE p.round_id = '\(round)'"),
        ("ranking decisions", "decisions", "SELECT * FROM decisions WHERE round_id = '\(round)'"),
        ("round page statuses", "applications", "SELECT status, COUNT(*) FROM applications WHERE round_id = '\(round)' GROUP BY status"),
        ("round page stamp", "ranking_stamps", "SELECT stamp FROM ranking_stamps WHERE round_id = '\(round)'"),
        ("monitoring's drafts", "applications", """
            SELECT status, country_code, category, COUNT(*) AS n FROM applications WHERE round_id IS NULL AND call_id = '\(round)'
            GROUP BY status, country_code, category ORDER BY status, country_code, category
            """),
    ]

    /// Queries an index serves only if it is the right one: the call's would serve the drafts'
    /// count too, reading every submitted application of the call on the way.
    static let indexOf = ["monitoring's drafts": "applications_unrounded_idx"]

    @Test("each list query uses an index, and none sorts the rows it matched", arguments: TestDatabase.all)
    func indexed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            for query in Self.queries {
                let plan: [String]
                if database == .sqlite {
                    plan = try await sql.raw("EXPLAIN QUERY PLAN \(unsafeRaw: query.sql)").all().map { try $0.decode(column: "detail", as: String.self) }
                    // "SCAN t USING INDEX i" walks an index in its order (the newest page); "SCAN t" alone reads the table.
                    #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.contains(" USING ") }, "\(query.name): \(plan)")
                    #expect(!plan.contains { $0.contains("TEMP B-TREE FOR ORDER BY") }, "\(query.name): \(plan)")
                    if let index = Self.indexOf[query.name] { #expect(plan.contains { $0.contains(index) }, "\(query.name): \(plan)") }
                } else {
                    // An empty table is cheapest to scan: forbid scans, so the plan shows an index or a scan it cannot avoid.
                    plan = try await sql.withSession { session in
                        try await session.raw("SET enable_seqscan = off").run()
                        let lines = try await session.raw("EXPLAIN \(unsafeRaw: query.sql)").all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
                        try await session.raw("RESET enable_seqscan").run()
                        return lines
                    }
                    let nodes = plan.map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "->  ", with: "") }
                    #expect(!nodes.contains { $0.hasPrefix("Seq Scan") }, "\(query.name): \(plan)")
                    if let index = Self.indexOf[query.name] { #expect(plan.contains { $0.contains(index) }, "\(query.name): \(plan)") }
                    // A count by status groups the round's rows, sorted or hashed: only lists must come in index order.
                    if query.sql.contains("ORDER BY") {
                        #expect(!nodes.contains { $0.hasPrefix("Sort ") || $0.hasPrefix("Incremental Sort") }, "\(query.name): \(plan)")
                    }
                }
            }
        }
    }

    /// The monitoring reads the meetings and assignments of a call on every view: few rows, so
    /// they must lead the join rather than be probed for each of the call's applications.
    /// SQLite keeps the written order of a CROSS JOIN; PostgreSQL orders joins by its statistics.
    @Test("the monitoring reads the few meetings and assignments first, not each application of the call")
    func deliveryLeadsTheJoin() async throws {
        try await withTestApp(.sqlite) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            for (table, query) in [
                ("m", "SELECT m.application_id FROM meetings m CROSS JOIN applications p WHERE p.id = m.application_id AND m.purpose = 'topic_definition' AND m.cancelled_at IS NULL AND p.call_id = '\(Self.round)'"),
                ("a", "SELECT a.application_id FROM assignments a CROSS JOIN applications p WHERE p.id = a.application_id AND p.call_id = '\(Self.round)'"),
            ] {
                let plan = try await sql.raw("EXPLAIN QUERY PLAN \(unsafeRaw: query)").all().map { try $0.decode(column: "detail", as: String.self) }
                #expect(plan.first?.hasPrefix("SCAN \(table)") == true, "\(plan)")
                #expect(plan.contains { $0.hasPrefix("SEARCH p USING") && $0.contains("(id=?)") }, "\(plan)")
            }
        }
    }
}
