import Fluent
import Foundation
import S3DeskDomain

extension RoundPage {
    /// The overview's counts and the lines `rows` of `ranking` (a page of it, or all of it for
    /// the endorsement), with the links `user` may follow.
    /// - Parameter layout: the page's frame, given its title.
    static func load(_ ranking: RoundRanking, rows: ArraySlice<RankedApplication>, pageNumber: Int, for user: User, at now: Date,
                     csrfToken: String, form: RoundsWebController.EndorsementForm?, errors: [String: String], refusal: String?,
                     layout: (String) -> Layout, codes: ReferenceCodes, wording: Wording,
                     on db: any Database) async throws -> RoundPage {
        let overview = try await RoundOverviewDTO.make(ranking, on: db)
        // The overview has just read the endorsement: the policy needs no second query for it.
        let policy = RoundPolicy(role: user.role, endorsed: overview.endorsement.state == .endorsed)
        let roundID = overview.id
        let decided = overview.decisions.values.contains { $0 > 0 }
        let heading = Self.heading(of: ranking.round, wording: wording)
        // The endorsement page lies below the round's page.
        let trail = form == nil ? Breadcrumbs(crumbs(above: ranking.round, for: user, wording: wording), current: heading)
            : Breadcrumbs(try crumbs(to: ranking.round, for: user, wording: wording),
                          current: wording(AssessmentText.endorseTitle, wording.integer(overview.number)))
        // The overview carries the endorsement's instant as the API gives it.
        let endorsedAt = overview.endorsement.state == .endorsed ? overview.endorsement.at.flatMap(Instant.parse) : nil
        return RoundPage(
            layout: layout(trail.current).with(trail),
            csrfToken: csrfToken, round: overview, heading: heading,
            callTitle: ranking.round.call.texts(in: wording.language).title,
            capacity: wording.count(overview.capacity, AssessmentText.roundAssignmentsOne, .roundAssignmentsOther),
            rankingCaption: wording(ranking.ranked.count == 1 ? AssessmentText.tableCaptionOne : .tableCaptionOther,
                                    wording.integer(ranking.ranked.count), wording.integer(overview.capacity)),
            topicMeetingsDue: wording.date(stored: overview.topicMeetingsDue), launchDue: wording.date(stored: overview.launchDue),
            endorsedAt: try endorsedAt.map { wording.time($0, in: try ranking.round.call.calendar()) },
            statuses: ApplicationStatus.allCases.compactMap { status in
                overview.statuses[status.rawValue].map { Count(label: wording.label(status), count: wording.integer($0)) }
            },
            proposals: Proposal.allCases.map { Count(label: wording.label($0), count: wording.integer(overview.proposals[$0.rawValue] ?? 0)) },
            decisions: DecisionKind.allCases.map { Count(label: wording.label($0.status), count: wording.integer(overview.decisions[$0.rawValue] ?? 0)) },
            rows: try await ranking.items(rows, on: db).map { RankingRow($0, codes: codes, wording: wording) }, total: ranking.ranked.count,
            csvURL: SiteURL.rankingCSV(roundID), auditTrailURL: SiteURL.roundAuditTrail(roundID),
            applicationsURL: SiteURL.staffApplications(round: roundID), endorseAction: SiteURL.endorsement(roundID),
            // A round with no decision yet has nothing to endorse: its page says so instead.
            endorsementURL: policy.canEndorse && decided ? SiteURL.endorsement(roundID) : nil,
            nothingToEndorse: policy.canEndorse && !decided,
            policyURL: ranking.round.call.policy(for: user, at: now).canChangeRankingPolicy ? SiteURL.rankingPolicy(overview.callId) : nil,
            selectionURL: user.role.may(.manageAssignments) && overview.endorsement.state == .endorsed ? SiteURL.roundSelection(roundID) : nil,
            pagination: Pagination(page: pageNumber, pageSize: Self.pageSize, total: ranking.ranked.count, path: SiteURL.round(roundID)),
            endorsementForm: form, endorsementErrors: errors, refusal: refusal)
    }
}
