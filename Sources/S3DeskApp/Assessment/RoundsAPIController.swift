import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/rounds/{id}`: the round's overview, its ranking (JSON and CSV), its endorsement.
struct RoundsAPIController: RouteCollection {
    struct EndorsementBody: Content {
        let endorsed: Bool?
        let comment: String?
    }

    struct RankingPage: Content {
        let items: [RankingItemDTO]
        let total: Int
        let capacity: Int
        let policy: RankingPolicy
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIURL.round.path, use: show)
        routes.get(APIURL.ranking.path, use: ranking)
        routes.get(APIURL.rankingCSV.path, use: csv)
        routes.post(APIURL.endorsement.path, use: endorse)
    }

    @Sendable
    func show(req: Request) async throws -> RoundOverviewDTO {
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db, cache: req.application.rankingCache)
        return try await RoundOverviewDTO.make(ranking, on: req.db)
    }

    @Sendable
    func ranking(req: Request) async throws -> RankingPage {
        let page = try PageRequest(from: req)
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db, cache: req.application.rankingCache)
        return RankingPage(items: try await ranking.items(ranking.ranked.dropFirst(page.offset).prefix(page.limit), on: req.db),
                           total: ranking.ranked.count, capacity: ranking.round.capacity, policy: ranking.policy)
    }

    @Sendable
    func csv(req: Request) async throws -> Response {
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db, cache: req.application.rankingCache)
        return try await RankingCSV.download(ranking, on: req.db)
    }

    @Sendable
    func endorse(req: Request) async throws -> EndorsementDTO {
        let user = try req.require(.endorse)
        let round = try await RoundRanking.findRound(req.parameters.get("id", as: UUID.self), on: req.db)
        let body = try req.content.decode(EndorsementBody.self)
        guard let endorsed = body.endorsed else { throw AppError.invalidField("endorsed", "is required: true to endorse, false to return") }
        return try EndorsementDTO(try await Endorsements.record(round, endorsed: endorsed, comment: body.comment ?? "", by: user, in: req.services))
    }
}
