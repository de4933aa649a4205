import Fluent
import S3DeskDomain
import Vapor

/// The round overview with its ranking, the ranking's CSV, and the Commission's endorsement page.
struct RoundsWebController: RouteCollection {
    struct EndorsementForm: Content {
        var outcome: String?
        var comment: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(CapabilityGuard(capability: .viewAllApplications))
        staff.get(SiteURL.round.path, use: show)
        staff.get(SiteURL.rankingCSV.path, use: csv)
        let commission = routes.grouped(CapabilityGuard(capability: .endorse))
        commission.get(SiteURL.endorsement.path, use: endorsementPage)
        commission.post(SiteURL.endorsement.path, use: endorse)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let pageNumber = Pagination.pageNumber(req)
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db, cache: req.application.rankingCache)
        let rows = ranking.ranked.dropFirst((pageNumber - 1) * RoundPage.pageSize).prefix(RoundPage.pageSize)
        return try await render(req, ranking, rows: rows, pageNumber: pageNumber, form: nil)
    }

    @Sendable
    func csv(req: Request) async throws -> Response {
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db, cache: req.application.rankingCache)
        return try await RankingCSV.download(ranking, on: req.db)
    }

    /// Every decided application on one page: the Commission endorses the round as a whole.
    @Sendable
    func endorsementPage(req: Request) async throws -> View {
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db, cache: req.application.rankingCache)
        return try await render(req, ranking, rows: ranking.ranked[...], pageNumber: 1, form: EndorsementForm())
    }

    @Sendable
    func endorse(req: Request) async throws -> Response {
        let user = try req.require(.endorse)
        let round = try await RoundRanking.findRound(req.parameters.get("id", as: UUID.self), on: req.db)
        let form = try req.content.decode(EndorsementForm.self)
        var refusal: String?
        var errors: [String: String] = [:]
        let wording = req.wording
        do {
            guard let outcome = form.outcome, ["endorse", "return"].contains(outcome) else {
                throw AppError.invalidField("outcome", "choose to endorse the decisions or to return them")
            }
            _ = try await Endorsements.record(round, endorsed: outcome == "endorse", comment: form.comment ?? "", by: user, in: req.services)
            return req.redirect(to: SiteURL.round(try round.requireID()))
        } catch let error as AppError where error.isRefusal {
            errors = error.fields.mapValues(wording.translated)
            refusal = error.fields.isEmpty ? wording.translated(error.message) : nil
        }
        let ranking = try await req.application.rankingCache.ranking(of: round, on: req.db)
        return try await render(req, ranking, rows: ranking.ranked[...], pageNumber: 1, form: form, errors: errors, refusal: refusal)
            .encodeResponse(status: refusal == nil ? .unprocessableEntity : .conflict, for: req)
    }

    private func render(_ req: Request, _ ranking: RoundRanking, rows: ArraySlice<RankedApplication>, pageNumber: Int,
                        form: EndorsementForm?, errors: [String: String] = [:], refusal: String? = nil) async throws -> View {
        let page = try await RoundPage.load(ranking, rows: rows, pageNumber: pageNumber, for: req.requireUser(), at: req.now,
                                            csrfToken: CSRF.token(for: req), form: form, errors: errors, refusal: refusal,
                                            layout: { Layout(request: req, title: $0) }, codes: req.application.referenceCodes,
                                            wording: req.wording, on: req.db)
        return try await req.view.render(form == nil ? "staff/round" : "staff/endorsement", page)
    }
}
