import Fluent
import Foundation
import S3DeskDomain

extension RoundSelectionPage {
    static let selectedStatuses: [ApplicationStatus] = [.selected, .scoping, .launched, .completed]

    /// A round has as many selected applications as places (10 by default): read whole.
    static func load(_ round: Round, for user: User, layout: Layout, csrfToken: String, refusal: String?, now: Date,
                     codes: ReferenceCodes, wording: Wording, on db: any Database) async throws -> RoundSelectionPage {
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
        let title = wording(AssignmentText.selectionTitle, wording.integer(round.number), round.call.texts(in: wording.language).title)
        let needed = wording(AssignmentText.selectionNeeded)
        return RoundSelectionPage(
            layout: layout.with(Breadcrumbs(try RoundPage.crumbs(to: round, for: user, wording: wording), current: title)), csrfToken: csrfToken, title: title,
            topicMeetingsDue: wording.date(meetingsDue), launchDue: wording.date(launchDue),
            rows: try applications.map { application in
                let id = try application.requireID()
                let assignment = assignmentFor[id]
                let meeting = meetingFor[id]
                return Row(
                    reference: application.reference, url: SiteURL.assignmentOf(id), organisation: application.content.organisationName ?? "",
                    status: wording.label(application.status),
                    meeting: meeting.map {
                        wording($0.held ? AssignmentText.selectionHeld : .selectionPlanned, wording.date(calendar.civilDate(of: $0.startsAt)))
                    } ?? needed,
                    meetingLate: meeting?.late ?? (today > meetingsDue),
                    scope: assignment.map { wording($0.scopeConfirmed ? AssignmentText.selectionConfirmed : .selectionToConfirm) } ?? needed,
                    expert: (assignment?.expert ?? nil)?.name ?? needed,
                    launch: assignment?.launchDate.map { wording.date(stored: $0) } ?? needed,
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
