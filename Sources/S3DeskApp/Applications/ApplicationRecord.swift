import Fluent
import S3DeskDomain
import Vapor

/// An application for Targeted Support by one organisation to one call. (Named `…Record`
/// because `Application` is Vapor's application.)
///
/// The form's content is kept as one JSON document; the columns that lists filter and sort by
/// (territory, country, category, status, submission) are kept beside it and indexed.
final class ApplicationRecord: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(key: .id) var id: UUID?
    @Field(key: "reference") var reference: String
    @Parent(key: "call_id") var call: Call
    @OptionalParent(key: "round_id") var round: Round?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "created_by") var createdBy: User
    @Enum(key: "status") var status: ApplicationStatus
    @Field(key: "content") var stored: StoredApplicationContent
    /// The territory code, its country, and the category the priority was computed from.
    @Field(key: "territory") var territory: String
    @Field(key: "country_code") var countryCode: String
    @Enum(key: "category") var category: RegionCategory
    @Field(key: "priority_bonus") var priorityBonus: Int
    /// The priority the columns above summarise, with its explanation; nil while the territory
    /// is not a known region or country. Kept current when a category or the call's policy
    /// changes, except in a round whose decisions were endorsed (`PriorityRefresh`).
    @OptionalField(key: "priority") var priority: Priority?
    /// Lower-cased organisation name, for search.
    @Field(key: "search_name") var searchName: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Children(for: \.$application) var topics: [ApplicationTopic]

    init() {}

    var content: ApplicationContent {
        get { stored.content }
        set { stored = StoredApplicationContent(newValue) }
    }
}

/// One requested topic of an application, so staff can filter by topic with an index.
final class ApplicationTopic: Model, @unchecked Sendable {
    static let schema = "application_topics"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Field(key: "topic") var topic: String

    init() {}

    init(applicationID: UUID, topic: String) {
        self.$application.id = applicationID
        self.topic = topic
    }
}

/// One specific challenge an application declares, so the monitoring counts by challenge
/// without reading forms.
final class ApplicationChallenge: Model, @unchecked Sendable {
    static let schema = "application_challenges"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Enum(key: "kind") var kind: ChallengeKind

    init() {}

    init(applicationID: UUID, kind: ChallengeKind) {
        self.$application.id = applicationID
        self.kind = kind
    }

    /// The rows of application `id` made to match what `content` declares.
    static func replace(of id: UUID, with content: ApplicationContent, on db: any Database) async throws {
        try await query(on: db).filter(\.$application.$id == id).delete()
        try await content.declaredChallenges.map { ApplicationChallenge(applicationID: id, kind: $0) }.create(on: db)
    }
}

/// One answer to a call's own question, so staff filter the list by it without reading forms.
/// Choices, yes/no and numbers match whole; text matches any part.
final class ApplicationAnswer: Model, @unchecked Sendable {
    static let schema = "application_answers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Field(key: "question_id") var questionID: String
    @Enum(key: "kind") var kind: CallQuestion.Kind
    /// As it reads on the page, lower-cased for matching.
    @Field(key: "value") var value: String

    init() {}

    /// The rows of application `id` made to match its answers to `questions`.
    static func replace(of id: UUID, with content: ApplicationContent, questions: [CallQuestion], on db: any Database) async throws {
        try await query(on: db).filter(\.$application.$id == id).delete()
        let answers = content.answers ?? [:]
        try await questions.compactMap { question -> ApplicationAnswer? in
            guard let answer = answers[question.id], !AnswerRules.isBlank(answer) else { return nil }
            let row = ApplicationAnswer()
            row.$application.id = id
            row.questionID = question.id
            row.kind = question.kind
            row.value = answer.display.lowercased()
            return row
        }.create(on: db)
    }
}

/// A change of status: who, when, from, to and why. Only ever inserted.
final class ApplicationTransition: Model, @unchecked Sendable {
    static let schema = "application_transitions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Field(key: "at") var at: Date
    @OptionalParent(key: "actor_id") var actor: User?
    @OptionalEnum(key: "from_status") var from: ApplicationStatus?
    @Enum(key: "to_status") var to: ApplicationStatus
    @Field(key: "reason") var reason: String

    init() {}

    init(applicationID: UUID, at: Date, actorID: UUID?, from: ApplicationStatus?, to: ApplicationStatus, reason: String) {
        self.$application.id = applicationID
        self.at = at
        self.$actor.id = actorID
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// The last number given per year, so references stay unique under concurrent submissions.
final class ReferenceCounter: Model, @unchecked Sendable {
    static let schema = "reference_counters"

    @ID(custom: "year", generatedBy: .user) var id: Int?
    @Field(key: "last") var last: Int

    init() {}
}
