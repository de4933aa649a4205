import Fluent
import Foundation
import Vapor

/// The work list's counts per round (to score, to decide, to endorse, to launch), kept while
/// the rounds' stamps stand still: the database moves a round's stamp with every assessment,
/// decision and change of an application's status (`RoundStamps`), which is all these counts
/// are made of. Every staff member lands on the home page; at 10,000 applications in a round
/// each count read them all (some 30 ms of SQLite per view), now a lookup.
actor WorkCountCache {
    /// Kinds of count × staff members × the latest rounds; more means the stamps moved, and
    /// what was kept under old stamps is never read again.
    static let limit = 256

    private var kept: [String: [UUID: Int]] = [:]

    /// `compute` as of now for `kind` (and `user`, for the counts that are someone's own).
    /// - Parameter stamps: of the rounds `compute` counts over; a round without one (made
    ///   before the stamps) is counted afresh each time.
    func counts(_ kind: String, user: UUID? = nil, rounds: [UUID], stamps: [UUID: Int64],
                compute: @Sendable () async throws -> [UUID: Int]) async throws -> [UUID: Int] {
        guard rounds.allSatisfy({ stamps[$0] != nil }) else { return try await compute() }
        let key = ([kind, user?.uuidString ?? "-"] + rounds.map { "\($0):\(stamps[$0]!)" }).joined(separator: "|")
        if let hit = kept[key] { return hit }
        // Counted after the stamps were read: a change landing meanwhile moves a stamp past
        // these, so the next reader counts again rather than trusting this answer.
        let fresh = try await compute()
        if kept.count >= Self.limit { kept.removeAll() }
        kept[key] = fresh
        return fresh
    }
}

extension Application {
    private struct WorkCountCacheKey: StorageKey {
        typealias Value = WorkCountCache
    }

    var workCountCache: WorkCountCache {
        get { storage.required(WorkCountCacheKey.self, setBy: "configure(_:settings:)") }
        set { storage[WorkCountCacheKey.self] = newValue }
    }
}
