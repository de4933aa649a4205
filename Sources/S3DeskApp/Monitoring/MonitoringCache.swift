import Fluent
import Foundation
import S3DeskDomain
import SQLKit
import Vapor

/// The monitoring figures this server has computed, one filtering each, kept while what they
/// were counted from stands still: the rounds' counters (`RoundStamps`), the applications not
/// yet in a round (drafts, counted by status, country and category), the scope itself (rounds,
/// dates, time zones, today), the meetings and assignments, and the assessors' names. Counting
/// 10,000 applications takes a second; checking that a count still holds takes a few small
/// queries, and a change made through another server moves the same rows, so no server shows
/// stale figures.
actor MonitoringCache {
    /// What a count was made from, besides the rows the rounds' counters follow.
    struct Basis: Equatable {
        let scope: MonitoringFacts.Scope
        let stamps: [UUID: Int64]
        let unrounded: [String]
        let delivery: MonitoringFacts.Delivery
        let assessors: [String]
    }

    typealias Counted = (facts: MonitoringFacts, summary: MonitoringSummary)

    private struct Entry {
        let basis: Basis
        let counting: Task<Counted, any Error>
        var lastUsed: UInt64
    }

    /// Filterings kept at once; the one read longest ago goes first.
    static let filterings = 16

    /// By filtering (`ApplicationFilters.queryString`).
    private var kept: [String: Entry] = [:]
    private var uses: UInt64 = 0

    /// The facts of `scope` that `filters` keep, and their figures, as they stand now.
    func counted(_ filters: ApplicationFilters, in scope: MonitoringFacts.Scope, on db: any Database) async throws -> Counted {
        let roundIDs = scope.rounds.compactMap { UUID(uuidString: $0.id) }
        let stamps = try await RoundStamps.of(roundIDs, on: db)
        let delivery = try await MonitoringFacts.Delivery.load(callID: scope.callID, on: db)
        // A round without a counter predates them: nothing to tell a change by.
        guard stamps.count == roundIDs.count else { return try await Self.count(filters, in: scope, delivery: delivery, on: db) }
        // Read after the counters: a change landing meanwhile moves one past what this basis
        // holds, so the next reader counts again rather than trusting what this one read.
        let basis = Basis(scope: scope, stamps: stamps, unrounded: try await Self.unrounded(in: scope, on: db), delivery: delivery,
                          assessors: try await Self.assessors(on: db))
        let key = filters.queryString
        uses += 1
        let counting: Task<Counted, any Error>
        if let entry = kept[key], entry.basis == basis {
            counting = entry.counting
            kept[key]?.lastUsed = uses
        } else {
            counting = Task { try await Self.count(filters, in: scope, delivery: delivery, on: db) }
            if kept[key] == nil, kept.count >= Self.filterings, let oldest = kept.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
                kept[oldest] = nil
            }
            kept[key] = Entry(basis: basis, counting: counting, lastUsed: uses)
        }
        do {
            return try await counting.value
        } catch {
            if kept[key]?.basis == basis { kept[key] = nil }
            throw error
        }
    }

    private static func count(_ filters: ApplicationFilters, in scope: MonitoringFacts.Scope, delivery: MonitoringFacts.Delivery,
                              on db: any Database) async throws -> Counted {
        let facts = try await MonitoringFacts.load(scope, delivery: delivery, on: db)
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

    /// The names of the staff who may assess (a few dozen), which the figures show beside their workload.
    private static func assessors(on db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        return try await sql.select().columns("id", "name").from(User.schema)
            .where("role", .in, Role.allCases.filter { $0.may(.assess) }.map(\.rawValue)).orderBy("id").all()
            .map { "\(try $0.decode(column: "id", as: UUID.self)) \(try $0.decode(column: "name", as: String.self))" }
    }
}

extension Application {
    private struct MonitoringCacheKey: StorageKey {
        typealias Value = MonitoringCache
    }

    var monitoringCache: MonitoringCache {
        get { storage.required(MonitoringCacheKey.self, setBy: "configure(_:settings:)") }
        set { storage[MonitoringCacheKey.self] = newValue }
    }
}
