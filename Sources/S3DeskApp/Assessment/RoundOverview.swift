import Fluent
import S3DeskDomain
import SQLKit
import Vapor

/// What the round page and `GET /rounds/{id}` show: counts, capacity, decisions and where the
/// endorsement stands.
struct RoundOverviewDTO: Content {
    enum EndorsementState: String, Codable {
        /// Decisions are being proposed; the Commission has not acted.
        case proposing
        /// The Commission returned the decisions with a comment.
        case returned
        case endorsed
    }

    struct EndorsementRef: Content {
        let state: EndorsementState
        let comment: String?
        let officerName: String?
        let at: String?
    }

    let id: UUID
    let callId: UUID
    let callTitle: String
    let number: Int
    let cutoffDate: String
    let cutoffAt: String
    let topicMeetingsDue: String
    let launchDue: String
    let capacity: Int
    /// Applications of the round by status (drafts belong to no round).
    let statuses: [String: Int]
    /// Ranked applications by proposal, and the decisions taken so far.
    let proposals: [String: Int]
    let decisions: [String: Int]
    let endorsement: EndorsementRef
    let policy: RankingPolicy

    static func make(_ ranking: RoundRanking, on db: any Database) async throws -> RoundOverviewDTO {
        let round = ranking.round
        let roundID = try round.requireID()
        let latest = try await Endorsements.latest(of: roundID, on: db)
        let officer = try await latest?.$officer.get(on: db)
        return RoundOverviewDTO(
            id: roundID, callId: round.$call.id, callTitle: round.call.title, number: round.number,
            cutoffDate: round.cutoffDate, cutoffAt: Instant.format(round.cutoffAt), topicMeetingsDue: round.topicMeetingsDue,
            launchDue: round.launchDue, capacity: round.capacity, statuses: ranking.statuses,
            proposals: ranking.proposals, decisions: ranking.decisionCounts,
            endorsement: EndorsementRef(state: latest.map { $0.endorsed ? .endorsed : .returned } ?? .proposing,
                                        comment: latest?.comment, officerName: officer?.name, at: latest.map { Instant.format($0.at) }),
            policy: ranking.policy)
    }
}

/// One line of `GET /rounds/{id}/ranking`.
struct RankingItemDTO: Content {
    let applicationId: UUID
    let reference: String
    let organisationName: String
    let territory: String
    let category: RegionCategory
    let status: ApplicationStatus
    let rank: Int?
    /// Null while incomplete (fewer assessments than the policy needs).
    let merit: Double?
    let priorityBonus: Int
    let total: Double?
    let assessments: Int
    let conflicts: Int
    let proposal: Proposal
    let decision: DecisionDTO?
    let explanation: [String]

    init(_ entry: RankedApplication, entry application: RoundRanking.Entry, organisationName: String, decision: Decision?) {
        applicationId = entry.candidate.id
        reference = entry.candidate.reference
        self.organisationName = organisationName
        territory = application.territory
        category = entry.candidate.priority.category
        status = application.status
        rank = entry.rank
        merit = entry.merit.map { Decimal2.round($0.value) }
        priorityBonus = entry.priorityBonus
        total = entry.total.map(Decimal2.round)
        assessments = entry.assessments
        conflicts = entry.candidate.conflicts
        proposal = entry.proposal
        self.decision = decision.map(DecisionDTO.init)
        explanation = entry.explanation
    }
}
