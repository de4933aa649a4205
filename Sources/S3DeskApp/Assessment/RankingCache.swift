import Fluent
import Foundation
import S3DeskDomain
import SQLKit
import Vapor

/// The rankings this server has computed, each kept while its round's stamp stands still
/// (`RoundStamps`: the database moves it with every assessment, decision or change of an
/// application) and the call's policy and the round's capacity are the same. A page of the
/// ranking then costs a lookup instead of ranking a round of 10,000 again; a change made
/// through another server moves the same stamp, so no server shows a stale ranking.
actor RankingCache {
    struct Key: Equatable {
        let round: UUID
        let stamp: Int64
        let policy: RankingPolicy
        let capacity: Int
    }

    /// A few rounds are read at a time (the open one, the one being decided); older ones go.
    static let rounds = 8

    private var kept: [UUID: (key: Key, computing: Task<RoundRanking.Computed, any Error>)] = [:]

    /// The ranking of `round` (with its call loaded) as it stands now.
    func ranking(of round: Round, on db: any Database) async throws -> RoundRanking {
        // No stamp, nothing to tell a change by: computed afresh each time.
        guard let stamp = try await RoundStamps.of([round.requireID()], on: db).values.first else {
            return try await RoundRanking.compute(round, on: db)
        }
        let key = Key(round: try round.requireID(), stamp: stamp, policy: round.call.rankingPolicy, capacity: round.capacity)
        let computing: Task<RoundRanking.Computed, any Error>
        if let entry = kept[key.round], entry.key == key {
            computing = entry.computing
        } else {
            // Read after the stamp: a change landing meanwhile moves the stamp past this one,
            // so the next reader computes again rather than trusting what this one read.
            computing = Task { try await RoundRanking.Computed.load(round, on: db) }
            if kept[key.round] == nil, kept.count >= Self.rounds { kept.removeAll() }
            kept[key.round] = (key, computing)
        }
        do {
            return RoundRanking(round: round, computed: try await computing.value)
        } catch {
            if kept[key.round]?.key == key { kept[key.round] = nil }
            throw error
        }
    }
}

extension Application {
    private struct RankingCacheKey: StorageKey {
        typealias Value = RankingCache
    }

    var rankingCache: RankingCache {
        get { storage.required(RankingCacheKey.self, setBy: "configure(_:settings:)") }
        set { storage[RankingCacheKey.self] = newValue }
    }
}
