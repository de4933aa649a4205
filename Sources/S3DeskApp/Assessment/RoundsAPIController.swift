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
        let round = routes.grouped("rounds", ":id")
        round.get(use: show)
        round.get("ranking", use: ranking)
        round.get("ranking.csv", use: csv)
        round.post("endorsement", use: endorse)
    }

    @Sendable
    func show(req: Request) async throws -> RoundOverviewDTO {
        try req.require(.viewAllApplications)
        let ranking = try await Self.ranking(req)
        return try await RoundOverviewDTO.make(ranking, on: req.db)
    }

    @Sendable
    func ranking(req: Request) async throws -> RankingPage {
        try req.require(.viewAllApplications)
        let page = try PageRequest(from: req)
        let ranking = try await Self.ranking(req)
        let slice = ranking.ranked.dropFirst(page.offset).prefix(page.limit)
        return RankingPage(items: slice.map { RankingItemDTO($0, in: ranking) }, total: ranking.ranked.count,
                           capacity: ranking.round.capacity, policy: ranking.policy)
    }

    @Sendable
    func csv(req: Request) async throws -> Response {
        try req.require(.viewAllApplications)
        return Self.csvResponse(try await Self.ranking(req))
    }

    @Sendable
    func endorse(req: Request) async throws -> EndorsementDTO {
        let user = try req.require(.endorse)
        let round = try await RoundRanking.findRound(req.parameters.get("id", as: UUID.self), on: req.db)
        let body = try req.content.decode(EndorsementBody.self)
        guard let endorsed = body.endorsed else { throw AppError.invalidField("endorsed", "is required: true to endorse, false to return") }
        return try EndorsementDTO(try await Endorsements.record(round, endorsed: endorsed, comment: body.comment ?? "", by: user, on: req))
    }

    static func ranking(_ req: Request) async throws -> RoundRanking {
        let round = try await RoundRanking.findRound(req.parameters.get("id", as: UUID.self), on: req.db)
        return try await RoundRanking.compute(round, on: req.db)
    }

    /// The whole ranking as a download, named after the call's round.
    static func csvResponse(_ ranking: RoundRanking) -> Response {
        let body = RankingCSV.render(ranking.ranked.map { RankingItemDTO($0, in: ranking) })
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition,
                             value: "attachment; filename=\"ranking-round-\(ranking.round.number)-\(ranking.round.cutoffDate).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
