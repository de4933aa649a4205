import Fluent
import Foundation
import S3DeskDomain
import SQLKit
import Vapor

/// The monitoring figures this server has computed, each kept while nothing they count has
/// moved: the rounds' counters (`RoundStamps`), the applications not yet in a round (drafts,
/// counted by status, country and category), and the scope itself (rounds, dates, time zones,
/// today). Counting 10,000 applications takes a second; checking that a count still holds
/// takes three small queries, and a change made through another server moves the same
/// counters, so no server shows stale figures.
actor MonitoringCache {
    struct Key: Hashable {
        let filters: String
        let scope: MonitoringFacts.Scope
        let stamps: [UUID: Int64]
        let unrounded: [String]
    }

    typealias Counted = (facts: MonitoringFacts, summary: MonitoringSummary)

    /// A dashboard is read in a handful of filterings at a time; older ones go.
    static let kept = 16

    private var kept: [Key: Task<Counted, any Error>] = [:]

    /// The facts of `scope` that `filters` keep, and their figures, as they stand now.
    func counted(_ filters: ApplicationFilters, in scope: MonitoringFacts.Scope, on db: any Database) async throws -> Counted {
        let roundIDs = scope.rounds.compactMap { UUID(uuidString: $0.id) }
        let stamps = try await RoundStamps.of(roundIDs, on: db)
        // A round without a counter predates them: nothing to tell a change by.
        guard stamps.count == roundIDs.count else { return try await Self.count(filters, in: scope, on: db) }
        // Read after the counters: a change landing meanwhile moves one past what this key
        // holds, so the next reader counts again rather than trusting what this one read.
        let key = Key(filters: filters.queryString, scope: scope, stamps: stamps, unrounded: try await Self.unrounded(in: scope, on: db))
        let counting: Task<Counted, any Error>
        if let kept = kept[key] {
            counting = kept
        } else {
            counting = Task { try await Self.count(filters, in: scope, on: db) }
            if kept.count >= Self.kept { kept.removeAll() }
            kept[key] = counting
        }
        do {
            return try await counting.value
        } catch {
            kept[key] = nil
            throw error
        }
    }

    private static func count(_ filters: ApplicationFilters, in scope: MonitoringFacts.Scope, on db: any Database) async throws -> Counted {
        let facts = try await MonitoringFacts.load(scope, on: db)
            .filtered(roundID: filters.roundId?.uuidString, country: filters.country, category: filters.category)
        return (facts, MonitoringSummary(facts))
    }

    /// The applications no round's counter follows, as "status country category count" lines:
    /// few (drafts), and read through the round index's NULL entries.
    private static func unrounded(in scope: MonitoringFacts.Scope, on db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let ofCall: SQLQueryString = scope.callID.map { "AND call_id = \(bind: $0)" } ?? ""
        return try await sql.raw("""
            SELECT status, country_code, category, COUNT(*) AS n FROM applications WHERE round_id IS NULL \(ofCall)
            GROUP BY status, country_code, category ORDER BY status, country_code, category
            """).all().map { row in
            try ["status", "country_code", "category"].map { try row.decode(column: $0, as: String.self) }.joined(separator: " ")
                + " \(try row.decode(column: "n", as: Int.self))"
        }
    }
}

extension Application {
    private struct MonitoringCacheKey: StorageKey {
        typealias Value = MonitoringCache
    }

    var monitoringCache: MonitoringCache {
        get {
            guard let cache = storage[MonitoringCacheKey.self] else { preconditionFailure("configure(_:settings:) installs the monitoring cache") }
            return cache
        }
        set { storage[MonitoringCacheKey.self] = newValue }
    }
}
