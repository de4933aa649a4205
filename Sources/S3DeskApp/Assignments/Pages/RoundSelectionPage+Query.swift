import Fluent
import Foundation
import S3DeskDomain

extension RoundSelectionPage {
    static let selectedStatuses: [ApplicationStatus] = [.selected, .scoping, .launched, .completed]

    /// A round has as many selected applications as places (10 by default): read whole.
    static func load(_ round: Round, for user: User, layout: Layout, csrfToken: String, refusal: String?, now: Date,
                     codes: ReferenceCodes, on db: any Database) async throws -> RoundSelectionPage {
        let roundID = try round.requireID()
        let calendar = try round.call.schedule().calendar
        let today = calendar.civilDate(of: now)
        let meetingsDue = try CivilDate(parsing: round.topicMeetingsDue)
        let launchDue = try CivilDate(parsing: round.launchDue)
        let applications = try await ApplicationRecord.query(on: db).filter(\.$round.$id == roundID)
            .filter(\.$status ~~ selectedStatuses).sort(\.$reference).all()
        let ids = applications.compactMap(\.id)
        let assignments = try await Assignment.query(on: db).filter(\.$application.$id ~~ ids).with(\.$expert).all()
        let meetings = try await Meeting.query(on: db).filter(\.$application.$id ~~ ids).filter(\.$purpose == .topicDefinition)
            .filter(\.$cancelledAt == nil).sort(\.$startsAt).all()
        let assignmentFor = Dictionary(assignments.map { ($0.$application.id, $0) }, uniquingKeysWith: { first, _ in first })
        let meetingFor = Dictionary(meetings.map { ($0.$application.id, $0) }, uniquingKeysWith: { first, _ in first })
        let proposal = try await ExpertSuggestions.proposal(for: round, codes: codes, on: db)
        let title = "Round \(round.number) of \(round.call.title): from selection to launch"
        return RoundSelectionPage(
            layout: layout.with(Breadcrumbs(try RoundPage.crumbs(to: round, for: user), current: title)), csrfToken: csrfToken, title: title,
            topicMeetingsDue: DateWording.long(meetingsDue), launchDue: DateWording.long(launchDue),
            rows: try applications.map { application in
                let id = try application.requireID()
                let assignment = assignmentFor[id]
                let meeting = meetingFor[id]
                return Row(
                    reference: application.reference, url: SiteURL.assignmentOf(id), organisation: application.content.organisationName ?? "",
                    status: application.status.label,
                    meeting: meeting.map { "\($0.held ? "Held" : "Planned"), \(DateWording.long(calendar.civilDate(of: $0.startsAt)))" } ?? "Needed",
                    meetingLate: meeting?.late ?? (today > meetingsDue),
                    scope: assignment.map { $0.scopeConfirmed ? "Confirmed" : "To confirm by the region" } ?? "Needed",
                    expert: (assignment?.expert ?? nil)?.name ?? "Needed",
                    launch: assignment?.launchDate.map { DateWording.long(stored: $0) } ?? "Needed",
                    launchLate: assignment.map { $0.launchLate || ($0.launchDate == nil && today > launchDue) } ?? (today > launchDue))
            },
            pairs: try proposal.pairs.map {
                Pair(value: "\(try $0.assignment.requireID().uuidString):\(try $0.expert.requireID().uuidString)",
                     reference: $0.application.reference, expert: $0.expert.name, score: $0.score)
            },
            totalScore: proposal.total, unserved: proposal.unserved.map(\.reference),
            acceptAction: SiteURL.roundMatching(roundID), refusal: refusal)
    }
}
