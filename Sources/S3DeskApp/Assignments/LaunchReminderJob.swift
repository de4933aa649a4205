import Fluent
import Foundation
import S3DeskDomain

/// A week before a round's launches are due, the secretariat hears which selected applications
/// are not launched yet (domain.md, "Notifications").
struct LaunchReminderJob: RoundReminderJob {
    let name = "launch-reminder"
    let publicURL: String
    let messages: Messages
    let schedule = RoundReminderSchedule(date: .launchDue, daysBefore: ReminderRules.daysBefore)

    func waiting(in round: Round, on db: any Database) async throws -> [ApplicationRecord] {
        try await ApplicationRecord.query(on: db).filter(\.$round.$id == round.requireID())
            .filter(\.$status ~~ [.selected, .scoping]).sort(\.$reference).all()
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        guard let round = try await RoundReminderSchedule.round(of: occurrence, on: db) else { return "the round has gone" }
        let pending = try await waiting(in: round, on: db)
        guard !pending.isEmpty else { return "every selected application of the round is launched" }
        let told = try await remindSecretariat(of: round, waiting: pending,
                                               describe: { "\($0.reference) (\(messages.inSentence($0.status, in: $1)))" },
                                               publicURL: publicURL, email: Messages.launchesDue, now: now, on: db)
        return "\(pending.count) launch\(pending.count == 1 ? "" : "es") still due, \(told) staff told"
    }
}
