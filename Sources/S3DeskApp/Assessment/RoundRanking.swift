import Fluent
import S3DeskDomain
import SQLKit
import Vapor

/// A round's ranking computed from the database in three queries, whatever the size of the
/// round: the applications' ranking columns with their stored priority, their scores summed by
/// the database, the decisions. A rank depends on every other application of the round, so
/// all are ranked; what a line shows beyond that (the organisation's name, inside the form) is
/// read only for the lines shown (`items`). What was computed reads as the ranking's own
/// (`ranking.ranked`).
@dynamicMemberLookup
struct RoundRanking {
    /// Statuses that take part in the ranking: assessed, and not withdrawn or cancelled.
    static let rankedStatuses: [ApplicationStatus] = [.underAssessment, .selected, .reserve, .rejected, .scoping, .launched, .completed]

    /// What ranking an application needs of it, read from its columns without its form.
    struct Entry: Sendable {
        let id: UUID
        let reference: String
        let territory: String
        let status: ApplicationStatus
        let submittedAt: Date
        /// As stored: the one value every view of the application shows.
        let priority: Priority
    }

    let round: Round
    let policy: RankingPolicy
    let computed: Computed

    subscript<Value>(dynamicMember keyPath: KeyPath<Computed, Value>) -> Value { computed[keyPath: keyPath] }

    /// What a ranking is computed from the database, apart from the round read per request.
    struct Computed: Sendable {
        let ranked: [RankedApplication]
        let entries: [UUID: Entry]
        let decisions: [UUID: Decision]
        /// The round's applications by status, drafts aside.
        let statuses: [String: Int]
        /// Ranked applications by proposal, and the decisions on them by kind: counted once
        /// with the ranking, not on each view of the round.
        let proposals: [String: Int]
        let decisionCounts: [String: Int]

        /// - Parameter round: with its call loaded (its policy applies).
        static func load(_ round: Round, on db: any Database) async throws -> Computed {
            let roundID = try round.requireID()
            let entries = try await loadEntries(of: roundID, on: db)
            let tallies = try await ScoreTally.load(round: roundID, on: db)
            let decisions = try await Decision.query(on: db).filter(\.$round.$id == roundID).all()
            let candidates = entries.map { entry in
                let tally = tallies[entry.id] ?? ScoreTally()
                return RankingCandidate(
                    id: entry.id, reference: entry.reference, submittedAt: entry.submittedAt, priority: entry.priority,
                    scoreSum: tally.sum, scoreCount: tally.scored, conflicts: tally.conflicts)
            }
            let ranked = Ranking.rank(candidates, policy: round.call.rankingPolicy, capacity: round.capacity)
            let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
            return Computed(
                ranked: ranked, entries: byID,
                decisions: Dictionary(decisions.map { ($0.$application.id, $0) }, uniquingKeysWith: { first, _ in first }),
                statuses: try await statusCounts(of: roundID, on: db),
                proposals: Dictionary(grouping: ranked, by: \.proposal.rawValue).mapValues(\.count),
                // Decisions on applications withdrawn or cancelled since are not the round's.
                decisionCounts: Dictionary(grouping: decisions.filter { byID[$0.$application.id] != nil }, by: \.decision.rawValue).mapValues(\.count))
        }
    }

    init(round: Round, computed: Computed) {
        self.round = round
        policy = round.call.rankingPolicy
        self.computed = computed
    }

    /// The round with its call, or 404.
    static func findRound(_ id: UUID?, on db: any Database) async throws -> Round {
        guard let id, let round = try await Round.query(on: db).filter(\.$id == id)
            .with(\.$call, { $0.with(\.$rounds) }).first() else { throw AppError.notFound("round") }
        return round
    }

    /// The ranking of round `id` for `user`, from `cache` while nothing in the round changed:
    /// 404 when there is no such round, 403 when the user may not see it.
    static func load(_ id: UUID?, for user: User, on db: any Database, cache: RankingCache) async throws -> RoundRanking {
        let round = try await findRound(id, on: db)
        guard try await round.policy(for: user, on: db).canView else { throw AppError.forbidden }
        return try await cache.ranking(of: round, on: db)
    }

    /// Computed afresh: what a transaction checks under its locks.
    /// - Parameter round: with its call loaded (its policy applies).
    static func compute(_ round: Round, on db: any Database) async throws -> RoundRanking {
        RoundRanking(round: round, computed: try await Computed.load(round, on: db))
    }

    private static func statusCounts(of roundID: UUID, on db: any Database) async throws -> [String: Int] {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        var statuses: [String: Int] = [:]
        let rows = try await sql.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(ApplicationRecord.schema).where("round_id", .equal, roundID).groupBy("status").all()
        for row in rows {
            statuses[try row.decode(column: "status", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return statuses
    }

    /// The lines `ranked` (a part of this ranking) as the API, the pages and the CSV show them,
    /// with one more query for the organisations' names.
    func items(_ ranked: some Collection<RankedApplication>, on db: any Database) async throws -> [RankingItemDTO] {
        let names = try await Self.organisationNames(of: ranked.map(\.candidate.id), on: db)
        return ranked.compactMap { line in
            computed.entries[line.candidate.id].map { entry in
                RankingItemDTO(line, entry: entry, organisationName: names[entry.id] ?? "", decision: computed.decisions[entry.id])
            }
        }
    }

    private static func organisationNames(of ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        var names: [UUID: String] = [:]
        // Bounded batches: SQLite refuses more than 32,766 bound values in one statement.
        for batch in stride(from: 0, to: ids.count, by: 5_000).map({ Array(ids[$0..<min($0 + 5_000, ids.count)]) }) {
            for row in try await sql.select().columns("id", "content").from(ApplicationRecord.schema).where("id", .in, batch).all() {
                names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "content", as: StoredApplicationContent.OrganisationName.self).organisationName
            }
        }
        return names
    }

    private static func loadEntries(of roundID: UUID, on db: any Database) async throws -> [Entry] {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let rows = try await sql.select()
            .columns("id", "reference", "territory", "status", "submitted_at", "created_at", "priority")
            .from(ApplicationRecord.schema)
            .where("round_id", .equal, roundID)
            .where("status", .in, rankedStatuses.map(\.rawValue))
            .all()
        return try rows.map { row in
            let territory = try row.decode(column: "territory", as: String.self)
            return Entry(id: try row.decode(column: "id", as: UUID.self),
                         reference: try row.decode(column: "reference", as: String.self),
                         territory: territory,
                         status: try row.decode(column: "status", as: ApplicationStatus.self),
                         submittedAt: try row.decode(column: "submitted_at", as: Date?.self) ?? row.decode(column: "created_at", as: Date.self),
                         // Submission requires a known territory, so a ranked application has one.
                         priority: try row.decode(column: "priority", as: Priority?.self) ?? Priority.none(territory))
        }
    }
}

extension Round {
    /// What `user` may do with this round as it stands now.
    func policy(for user: User, on db: any Database) async throws -> RoundPolicy {
        RoundPolicy(role: user.role, endorsed: try await Endorsements.latest(of: requireID(), on: db)?.endorsed ?? false)
    }
}

/// An application's assessments added up by the database: how many scored, the sum of their
/// totals scaled to 100, how many declared a conflict.
struct ScoreTally {
    var scored = 0
    var sum = 0
    var conflicts = 0

    /// One application's, from its few assessments.
    static func of(_ applicationID: UUID, on db: any Database) async throws -> ScoreTally {
        let assessments = try await Assessment.query(on: db).filter(\.$application.$id == applicationID).all()
        let scores = assessments.compactMap { $0.scores?.scaled }
        return ScoreTally(scored: scores.count, sum: scores.reduce(0, +), conflicts: assessments.count - scores.count)
    }

    static func load(round roundID: UUID, on db: any Database) async throws -> [UUID: ScoreTally] {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        // PostgreSQL sums BIGINT columns to NUMERIC: cast back, on SQLite a no-op.
        let rows = try await sql.raw("""
            SELECT a.application_id AS application_id,
                   CAST(SUM(CASE WHEN a.conflict_of_interest THEN 0 ELSE 1 END) AS BIGINT) AS scored,
                   CAST(SUM(CASE WHEN a.conflict_of_interest THEN 0 ELSE (a.relevance + a.impact + a.ownership + a.feasibility) * 5 END) AS BIGINT) AS total,
                   CAST(SUM(CASE WHEN a.conflict_of_interest THEN 1 ELSE 0 END) AS BIGINT) AS conflicts
            FROM assessments a JOIN applications p ON p.id = a.application_id
            WHERE p.round_id = \(bind: roundID)
            GROUP BY a.application_id
            """).all()
        var tallies: [UUID: ScoreTally] = [:]
        for row in rows {
            tallies[try row.decode(column: "application_id", as: UUID.self)] = ScoreTally(
                scored: try row.decode(column: "scored", as: Int.self), sum: try row.decode(column: "total", as: Int.self),
                conflicts: try row.decode(column: "conflicts", as: Int.self))
        }
        return tallies
    }
}
