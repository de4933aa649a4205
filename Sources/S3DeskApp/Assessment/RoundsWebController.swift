import Fluent
import S3DeskDomain
import Vapor

/// The round overview with its ranking, the ranking's CSV, and the Commission's endorsement page.
struct RoundsWebController: RouteCollection {
    static let pageSize = 50

    struct RankingRow: Encodable {
        let rank: String
        let reference: String
        let assessURL: String
        let organisation: String
        let territory: String
        let category: String
        let categoryMissing: Bool
        let assessments: Int
        let merit: String
        let priorityBonus: Int
        let total: String
        let proposal: String
        let proposalKey: String
        let decision: String?
        let decisionReason: String?
        let decisionEndorsed: Bool
        /// True when the decision is not what the ranking proposes, so the Commission looks twice.
        let differs: Bool
        let status: String
        let statusKey: String
        let explanation: [String]

        init(_ item: RankingItemDTO) {
            rank = item.rank.map(String.init) ?? "—"
            reference = item.reference
            assessURL = SiteURL.assessment(item.applicationId)
            organisation = item.organisationName
            territory = item.territory
            category = item.category.label
            categoryMissing = item.category == .unknown
            assessments = item.assessments
            merit = item.merit.map(Decimal2.format) ?? "—"
            priorityBonus = item.priorityBonus
            total = item.total.map(Decimal2.format) ?? "—"
            proposal = item.proposal.label
            proposalKey = item.proposal.rawValue
            decision = item.decision?.decision.label
            decisionReason = item.decision?.reason
            decisionEndorsed = item.decision?.endorsed ?? false
            differs = item.decision.map { decision in
                switch (decision.decision, item.proposal) {
                case (.selected, .select), (.reserve, .reserve), (.rejected, .notSelectable): false
                default: true
                }
            } ?? false
            status = item.status.label
            statusKey = item.status.rawValue
            explanation = item.explanation
        }
    }

    struct Count: Encodable {
        let label: String
        let count: Int
    }

    struct RoundPage: Encodable {
        let layout: Layout
        let csrfToken: String
        let round: RoundOverviewDTO
        let heading: String
        let statuses: [Count]
        let proposals: [Count]
        let decisions: [Count]
        let rows: [RankingRow]
        let total: Int
        let csvURL: String
        let roundURL: String
        let applicationsURL: String
        let endorseAction: String
        let endorsementURL: String?
        let policyURL: String?
        let pagination: Pagination
        /// The endorsement form, on the endorsement page only.
        let endorsementForm: EndorsementForm?
        let endorsementErrors: [String: String]
        let refusal: String?
    }

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
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db)
        let rows = ranking.ranked.dropFirst((pageNumber - 1) * Self.pageSize).prefix(Self.pageSize)
        return try await render(req, ranking, rows: rows, pageNumber: pageNumber, form: nil)
    }

    @Sendable
    func csv(req: Request) async throws -> Response {
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db)
        return try await RankingCSV.download(ranking, on: req.db)
    }

    /// Every decided application on one page: the Commission endorses the round as a whole.
    @Sendable
    func endorsementPage(req: Request) async throws -> View {
        let ranking = try await RoundRanking.load(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db)
        return try await render(req, ranking, rows: ranking.ranked[...], pageNumber: 1, form: EndorsementForm())
    }

    @Sendable
    func endorse(req: Request) async throws -> Response {
        let user = try req.require(.endorse)
        let round = try await RoundRanking.findRound(req.parameters.get("id", as: UUID.self), on: req.db)
        let form = try req.content.decode(EndorsementForm.self)
        var refusal: String?
        var errors: [String: String] = [:]
        do {
            guard let outcome = form.outcome, ["endorse", "return"].contains(outcome) else {
                throw AppError.invalidField("outcome", "choose to endorse the decisions or to return them")
            }
            _ = try await Endorsements.record(round, endorsed: outcome == "endorse", comment: form.comment ?? "", by: user, in: req.services)
            return req.redirect(to: SiteURL.round(try round.requireID()))
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            errors = error.fields
            refusal = error.fields.isEmpty ? error.message : nil
        }
        let ranking = try await RoundRanking.compute(round, on: req.db)
        return try await render(req, ranking, rows: ranking.ranked[...], pageNumber: 1, form: form, errors: errors, refusal: refusal)
            .encodeResponse(status: refusal == nil ? .unprocessableEntity : .conflict, for: req)
    }

    private func render(_ req: Request, _ ranking: RoundRanking, rows: ArraySlice<RankedApplication>, pageNumber: Int,
                        form: EndorsementForm?, errors: [String: String] = [:], refusal: String? = nil) async throws -> View {
        let overview = try await RoundOverviewDTO.make(ranking, on: req.db)
        let user = try req.requireUser()
        let policy = try await ranking.round.policy(for: user, on: req.db)
        let roundID = overview.id
        let heading = "Round \(overview.number) — cut-off \((try? CivilDate(parsing: overview.cutoffDate)).map(HumanDate.long) ?? overview.cutoffDate)"
        return try await req.view.render(form == nil ? "staff/round" : "staff/endorsement", RoundPage(
            layout: Layout(request: req, title: form == nil ? heading : "Endorse \(heading.lowercased())"),
            csrfToken: CSRF.token(for: req), round: overview, heading: heading,
            statuses: ApplicationStatus.allCases.compactMap { status in overview.statuses[status.rawValue].map { Count(label: status.label, count: $0) } },
            proposals: Proposal.allCases.map { Count(label: $0.label, count: overview.proposals[$0.rawValue] ?? 0) },
            decisions: DecisionKind.allCases.map { Count(label: $0.label, count: overview.decisions[$0.rawValue] ?? 0) },
            rows: try await ranking.items(rows, on: req.db).map(RankingRow.init), total: ranking.ranked.count,
            csvURL: SiteURL.rankingCSV(roundID), roundURL: SiteURL.round(roundID),
            applicationsURL: SiteURL.staffApplications(round: roundID), endorseAction: SiteURL.endorsement(roundID),
            endorsementURL: policy.canEndorse ? SiteURL.endorsement(roundID) : nil,
            policyURL: ranking.round.call.policy(for: user, at: req.now).canChangeRankingPolicy ? SiteURL.rankingPolicy(overview.callId) : nil,
            pagination: Pagination(page: pageNumber, pageSize: Self.pageSize, total: ranking.ranked.count, path: SiteURL.round(roundID)),
            endorsementForm: form, endorsementErrors: errors, refusal: refusal))
    }
}
