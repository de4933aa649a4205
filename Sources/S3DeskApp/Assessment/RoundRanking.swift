import Fluent
import S3DeskDomain
import Vapor

/// A round's ranking computed from the database: a handful of queries, whatever the size of
/// the round (applications, assessments, decisions, regions: one each).
struct RoundRanking {
    /// Statuses that take part in the ranking: assessed, and not withdrawn or cancelled.
    static let rankedStatuses: [ApplicationStatus] = [.underAssessment, .selected, .reserve, .rejected, .scoping, .launched, .completed]

    let round: Round
    let policy: RankingPolicy
    let ranked: [RankedApplication]
    let applications: [UUID: ApplicationRecord]
    let decisions: [UUID: Decision]

    /// The round with its call, or 404.
    static func findRound(_ id: UUID?, on db: any Database) async throws -> Round {
        guard let id, let round = try await Round.query(on: db).filter(\.$id == id)
            .with(\.$call, { $0.with(\.$rounds) }).first() else { throw AppError.notFound("round") }
        return round
    }

    /// - Parameter round: with its call loaded (its policy applies).
    static func compute(_ round: Round, on db: any Database) async throws -> RoundRanking {
        let roundID = try round.requireID()
        let policy = round.call.rankingPolicy
        let applications = try await ApplicationRecord.query(on: db).filter(\.$round.$id == roundID)
            .filter(\.$status ~~ rankedStatuses).all()
        let assessments = try await Assessment.query(on: db)
            .join(ApplicationRecord.self, on: \Assessment.$application.$id == \ApplicationRecord.$id)
            .filter(ApplicationRecord.self, \.$round.$id == roundID).all()
        let decisions = try await Decision.query(on: db).filter(\.$round.$id == roundID).all()
        let categories = try await RegionCategories.load(on: db)
        let byApplication = Dictionary(grouping: assessments, by: \.$application.id)
        let candidates = try applications.map { application in
            let id = try application.requireID()
            let mine = byApplication[id] ?? []
            return RankingCandidate(
                id: id, reference: application.reference, submittedAt: application.submittedAt ?? application.createdAt,
                priority: categories.priority(territory: application.territory, challenges: application.content.declaredChallenges,
                                              policy: policy.priority),
                scaledScores: mine.compactMap { $0.scores?.scaled }, conflicts: mine.filter(\.conflictOfInterest).count)
        }
        return RoundRanking(
            round: round, policy: policy,
            ranked: Ranking.rank(candidates, policy: policy, capacity: round.capacity),
            applications: Dictionary(uniqueKeysWithValues: try applications.map { (try $0.requireID(), $0) }),
            decisions: Dictionary(decisions.map { ($0.$application.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// Regions' categories loaded at once, to compute many priorities without a query each.
struct RegionCategories {
    let regions: [String: RegionCategory]
    let countries: [String: [RegionCategory]]
    let knownCountries: Set<String>

    /// Every region, or only those of `country`.
    static func load(country: String? = nil, on db: any Database) async throws -> RegionCategories {
        let regionQuery = Region.query(on: db)
        let countryQuery = Country.query(on: db)
        if let country {
            regionQuery.filter(\.$countryCode == country)
            countryQuery.filter(\.$id == country)
        }
        let regions = try await regionQuery.all()
        return RegionCategories(
            regions: Dictionary(uniqueKeysWithValues: try regions.map { (try $0.requireID(), $0.category) }),
            countries: Dictionary(grouping: regions, by: \.countryCode).mapValues { $0.map(\.category) },
            knownCountries: Set(try await countryQuery.all(\.$id)))
    }

    func isKnown(_ code: String) -> Bool { regions[code] != nil || knownCountries.contains(code) }

    /// A region's priority, or a country's (national application); an unknown code earns no bonus.
    func priority(territory code: String, challenges: [ChallengeKind], policy: PriorityPolicy) -> Priority {
        if let category = regions[code] {
            return Priority.compute(territory: .region(code), regionCategory: category, countryRegionCategories: [],
                                    challenges: challenges, policy: policy)
        }
        return Priority.compute(territory: .country(code), regionCategory: nil,
                                countryRegionCategories: knownCountries.contains(code) ? countries[code] ?? [] : [],
                                challenges: challenges, policy: policy)
    }
}
