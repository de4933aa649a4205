import Fluent
import Foundation
import S3DeskDomain

/// A week before a round's topic meetings are due, the secretariat hears which selected
/// applications have none planned yet (domain.md, "Notifications").
struct MeetingReminderJob: RoundReminderJob {
    let name = "topic-meeting-reminder"
    let publicURL: String
    let messages: Messages
    let schedule = RoundReminderSchedule(date: .meetingsDue, daysBefore: ReminderRules.daysBefore)

    func waiting(in round: Round, on db: any Database) async throws -> [ApplicationRecord] {
        let selected = try await ApplicationRecord.query(on: db).filter(\.$round.$id == round.requireID())
            .filter(\.$status ~~ [.selected, .scoping]).sort(\.$reference).all()
        let planned = Set(try await Meeting.query(on: db).filter(\.$application.$id ~~ selected.map { try $0.requireID() })
            .filter(\.$purpose == .topicDefinition).filter(\.$cancelledAt == nil).all(\.$application.$id))
        return selected.filter { !planned.contains($0.id!) }
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        guard let round = try await RoundReminderSchedule.round(of: occurrence, on: db) else { return "the round has gone" }
        let unplanned = try await waiting(in: round, on: db)
        guard !unplanned.isEmpty else { return "every selected application of the round has its topic meeting planned" }
        let told = try await remindSecretariat(of: round, waiting: unplanned, describe: { application, _ in application.reference },
                                               publicURL: publicURL, email: Messages.meetingsToPlan, now: now, on: db)
        return "\(unplanned.count) topic meeting\(unplanned.count == 1 ? "" : "s") still to plan, \(told) staff told"
    }
}
