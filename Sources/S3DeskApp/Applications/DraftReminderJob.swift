import Fluent
import Foundation
import S3DeskDomain

/// A week before each cut-off, every draft of the call reminds the person who started it to
/// submit (domain.md, "Notifications"); once per round, whatever the number of servers.
struct DraftReminderJob: RoundReminderJob {
    let name = "draft-reminder"
    let publicURL: String
    let messages: Messages
    let schedule = RoundReminderSchedule(date: .cutoff, daysBefore: ReminderRules.daysBefore)

    func waiting(in round: Round, on db: any Database) async throws -> [ApplicationRecord] {
        try await ApplicationRecord.query(on: db).filter(\.$call.$id == round.$call.id).filter(\.$status == .draft)
            .sort(\.$reference).with(\.$createdBy).all()
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        guard let round = try await RoundReminderSchedule.round(of: occurrence, on: db) else { return "the round has gone" }
        let drafts = try await waiting(in: round, on: db)
        let zone = try round.call.calendar()
        try await Outbox.enqueue(try drafts.map { draft in
            messages.draftReminder(in: draft.createdBy.language ?? .en, to: draft.createdBy.email, name: draft.createdBy.name,
                                   reference: draft.reference, callTitle: round.call.title, cutoff: round.cutoffAt, zone: zone,
                                   link: publicURL + SiteURL.editApplication(try draft.requireID()))
        }, at: now, on: db, logger: db.logger)
        return "\(drafts.count) draft\(drafts.count == 1 ? "" : "s") reminded of the cut-off of \(round.cutoffDate)"
    }
}
