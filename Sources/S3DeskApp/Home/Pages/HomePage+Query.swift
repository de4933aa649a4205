import Fluent
import Foundation
import S3DeskDomain

extension HomePage {
    /// The calls open at `now`, soonest-closing first, and the topics of support.
    static func load(at now: Date, for user: User?, layout: Layout, csrfToken: String?, workCounts: WorkCountCache,
                     on db: any Database) async throws -> HomePage {
        let calls = try await Call.query(on: db)
            .filter(\.$closesAt >= Instant.roundedToMilliseconds(now))
            .with(\.$rounds)
            .sort(\.$closesAt)
            .limit(callLimit)
            .all()
        let topics = try await TopicRecord.active(on: db)
        let work = if let user { try await WorkList.load(for: user, at: now, cache: workCounts, on: db) } else { WorkList?.none }
        return HomePage(layout: layout, csrfToken: csrfToken,
                        calls: try calls.compactMap { try openCall($0, at: now) },
                        topics: topics.map { TopicItem(title: $0.title, methods: $0.methods.joined(separator: "; ")) },
                        work: work)
    }

    private static func openCall(_ call: Call, at now: Date) throws -> OpenCall? {
        let schedule = try call.schedule()
        guard let round = schedule.round(for: now), let daysLeft = schedule.daysLeft(at: now) else { return nil }
        return OpenCall(
            applyURL: SiteURL.apply(try call.requireID()), title: call.title, description: call.description,
            nextCutoff: round.cutoffDate.description, nextCutoffLabel: DateWording.long(round.cutoffDate),
            timeZone: call.timeZone, daysLeft: daysLeft,
            topicMeetingsDue: DateWording.long(round.topicMeetingsDue), launchDue: DateWording.long(round.launchDue),
            expertDays: call.expertDaysPerAssignment,
            laterCutoffs: schedule.rounds.filter { $0.number > round.number }.map { DateWording.long($0.cutoffDate) })
    }
}
