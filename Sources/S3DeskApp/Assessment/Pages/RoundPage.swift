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
        let assessments: String
        let merit: String
        let priorityBonus: String
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

        init(_ item: RankingItemDTO, codes: ReferenceCodes, wording: Wording) {
            rank = item.rank.map { wording.integer($0) } ?? "—"
            reference = item.reference
            assessURL = SiteURL.assessment(item.applicationId)
            organisation = item.organisationName
            territory = codes.territoryName(item.territory)
            category = wording.label(item.category)
            categoryMissing = item.category == .unknown
            assessments = wording.integer(item.assessments)
            merit = item.merit.map { AssessmentWording.decimal($0, wording) } ?? "—"
            priorityBonus = wording.integer(item.priorityBonus)
            total = item.total.map { AssessmentWording.decimal($0, wording) } ?? "—"
            proposal = wording.label(item.proposal)
            proposalKey = item.proposal.rawValue
            decision = item.decision.map { wording.label($0.decision.status) }
            decisionReason = item.decision?.reason
            decisionEndorsed = item.decision?.endorsed ?? false
            differs = item.decision.map { decision in
                switch (decision.decision, item.proposal) {
                case (.selected, .select), (.reserve, .reserve), (.rejected, .notSelectable): false
                default: true
                }
            } ?? false
            status = wording.label(item.status)
            statusKey = item.status.rawValue
            explanation = AssessmentWording.explanation(item.explanation, wording)
        }
    }

    struct Count: Encodable {
        let label: String
        let count: String
    }

    let layout: Layout
    let csrfToken: String
    let round: RoundOverviewDTO
    let heading: String
    /// The call's title in the reader's language, where the call has one.
    let callTitle: String
    /// "3 assignments".
    let capacity: String
    /// "12 ranked applications; capacity 3", above the ranking.
    let rankingCaption: String
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
    /// pages below it. In English, for the pages below that do not speak the reader's language
    /// yet; the others take the forms with a `Wording`.
    static func heading(of round: Round) -> String {
        "Round \(round.number) — cut-off \(DateWording.long(stored: round.cutoffDate))"
    }

    /// The heading in the reader's language.
    static func heading(of round: Round, wording: Wording) -> String {
        wording(AssessmentText.roundHeading, wording.integer(round.number), wording.date(stored: round.cutoffDate))
    }

    /// `crumbs(above:for:)` in the reader's language.
    static func crumbs(above round: Round, for user: User, wording: Wording) -> [(label: String, url: String)] {
        guard user.role.may(.manageCalls) else { return [(wording(Text.layoutHome), SiteURL.home)] }
        return [(wording(Text.layoutCalls), SiteURL.staffCalls), (round.call.texts(in: wording.language).title, SiteURL.editCall(round.$call.id))]
    }

    /// `crumbs(to:for:)` in the reader's language.
    static func crumbs(to round: Round, for user: User, wording: Wording) throws -> [(label: String, url: String)] {
        crumbs(above: round, for: user, wording: wording) + [(heading(of: round, wording: wording), SiteURL.round(try round.requireID()))]
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
