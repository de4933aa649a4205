import Fluent
import S3DeskDomain
import Vapor

/// A call for applications with regular cut-off dates.
final class Call: Model, @unchecked Sendable {
    static let schema = "calls"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "capacity_per_round") var capacityPerRound: Int
    @Field(key: "expert_days_per_assignment") var expertDaysPerAssignment: Int
    /// The last cut-off instant, kept so open calls can be found by an indexed query.
    @Field(key: "closes_at") var closesAt: Date
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// Nil until the secretariat changes it: the call ranks with domain.md's defaults.
    @OptionalField(key: "ranking_policy") var storedRankingPolicy: RankingPolicy?
    /// French and German texts by language code; nil or a missing one reads the English.
    @OptionalField(key: "translations") var translations: [String: CallTranslation]?
    @Children(for: \.$call) var rounds: [Round]
    @Children(for: \.$call) var questions: [CallQuestionRecord]

    init() {}

    func isOpen(at now: Date) -> Bool { closesAt >= Instant.roundedToMilliseconds(now) }

    var rankingPolicy: RankingPolicy { storedRankingPolicy ?? RankingPolicy() }

    /// The title and description as `language` reads them.
    func texts(in language: Language) -> CallTexts {
        CallTexts(title: title, description: description, translations: translations, language: language)
    }
}

/// One cut-off round of a call.
final class Round: Model, @unchecked Sendable {
    static let schema = "rounds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "call_id") var call: Call
    @Field(key: "number") var number: Int
    /// `YYYY-MM-DD` in the call's time zone; text sorts like the date.
    @Field(key: "cutoff_date") var cutoffDate: String
    @Field(key: "cutoff_at") var cutoffAt: Date
    @Field(key: "topic_meetings_due") var topicMeetingsDue: String
    @Field(key: "launch_due") var launchDue: String
    @Field(key: "capacity") var capacity: Int

    init() {}
}

extension Call {
    /// The call's schedule rebuilt from its rounds, which must have been loaded with it.
    func schedule() throws -> CallSchedule {
        let zone = try calendar()
        let dates = try rounds.sorted { $0.number < $1.number }.map { try CivilDate(parsing: $0.cutoffDate) }
        return try CallSchedule(calendar: zone, cutoffs: dates)
    }

    /// The clocks of the call's zone, on which its dates and every time of its pages are read.
    func calendar() throws -> ZonedCalendar {
        guard let zone = ZonedCalendar(identifier: timeZone) else {
            throw AppError(status: .internalServerError, code: "internal_error",
                           message: "call \(id?.uuidString ?? "") has an unknown time zone")
        }
        return zone
    }
}

extension Call {
    /// What `user` may do with this call at `now`.
    func policy(for user: User, at now: Date) -> CallPolicy {
        CallPolicy(role: user.role, hasOrganisation: user.$organisation.id != nil, isOpen: isOpen(at: now))
    }
}
