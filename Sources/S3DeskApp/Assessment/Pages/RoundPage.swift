import S3DeskDomain

/// The round page, and the Commission's endorsement page (the same with every line and the form).
struct RoundPage: Encodable {
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

        init(_ item: RankingItemDTO, codes: ReferenceCodes) {
            rank = item.rank.map(String.init) ?? "—"
            reference = item.reference
            assessURL = SiteURL.assessment(item.applicationId)
            organisation = item.organisationName
            territory = codes.territoryName(item.territory)
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

    let layout: Layout
    let csrfToken: String
    let round: RoundOverviewDTO
    let heading: String
    let topicMeetingsDue: String
    let launchDue: String
    let endorsedAt: TimeLabel?
    let statuses: [Count]
    let proposals: [Count]
    let decisions: [Count]
    let rows: [RankingRow]
    let total: Int
    let csvURL: String
    /// The round's and its applications' audit entries with their hashes.
    let auditTrailURL: String
    let applicationsURL: String
    let endorseAction: String
    let endorsementURL: String?
    let nothingToEndorse: Bool
    let policyURL: String?
    /// The way from selection to launch, for the secretariat once decisions are endorsed.
    let selectionURL: String?
    let pagination: Pagination
    /// The endorsement form, on the endorsement page only.
    let endorsementForm: RoundsWebController.EndorsementForm?
    let endorsementErrors: [String: String]
    let refusal: String?
}

extension RoundPage {
    /// "Round 2 — cut-off 31 March 2026": the round page's heading, and the round's crumb on the
    /// pages below it.
    static func heading(of round: Round) -> String {
        "Round \(round.number) — cut-off \(DateWording.long(stored: round.cutoffDate))"
    }

    /// The pages above a round's that `user` may open: the calls and the round's call for those
    /// who manage calls; for the Commission, which cannot, the home page that lists the rounds.
    static func crumbs(above round: Round, for user: User) -> [(label: String, url: String)] {
        guard user.role.may(.manageCalls) else { return [("Home", SiteURL.home)] }
        return [("Calls", SiteURL.staffCalls), (round.call.title, SiteURL.editCall(round.$call.id))]
    }

    /// The round's own crumb, below `crumbs(above:for:)`, for the pages under the round's.
    static func crumbs(to round: Round, for user: User) throws -> [(label: String, url: String)] {
        crumbs(above: round, for: user) + [(heading(of: round), SiteURL.round(try round.requireID()))]
    }
}
