import Fluent
import S3DeskDomain
import Vapor

/// One assessor's scores of one application, or their declaration of a conflict of interest
/// (then no scores). Submitted once; never edited.
final class Assessment: Model, @unchecked Sendable {
    static let schema = "assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Parent(key: "assessor_id") var assessor: User
    @Field(key: "conflict_of_interest") var conflictOfInterest: Bool
    @OptionalField(key: "relevance") var relevance: Int?
    @OptionalField(key: "impact") var impact: Int?
    @OptionalField(key: "ownership") var ownership: Int?
    @OptionalField(key: "feasibility") var feasibility: Int?
    @Field(key: "comment") var comment: String
    @Field(key: "submitted_at") var submittedAt: Date

    init() {}

    var scores: Scores? {
        get {
            guard let relevance, let impact, let ownership, let feasibility else { return nil }
            return Scores(relevance: relevance, impact: impact, ownership: ownership, feasibility: feasibility)
        }
        set {
            relevance = newValue?.relevance
            impact = newValue?.impact
            ownership = newValue?.ownership
            feasibility = newValue?.feasibility
        }
    }
}

/// The secretariat's decision on an application. It takes effect (the application's status,
/// the applicant's email) when the Commission endorses the round; `endorsedAt` says when.
final class Decision: Model, @unchecked Sendable {
    static let schema = "decisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Parent(key: "round_id") var round: Round
    @Enum(key: "decision") var decision: DecisionKind
    @Field(key: "reason") var reason: String
    @Parent(key: "decided_by") var decidedBy: User
    @Field(key: "decided_at") var decidedAt: Date
    @OptionalField(key: "endorsed_at") var endorsedAt: Date?

    init() {}
}

/// A Commission officer's endorsement of a round's decisions, or their return with a comment.
/// Only ever inserted; an endorsement is final, a return leaves the round open.
final class Endorsement: Model, @unchecked Sendable {
    static let schema = "endorsements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: Round
    @Field(key: "endorsed") var endorsed: Bool
    @Field(key: "comment") var comment: String
    @Parent(key: "officer_id") var officer: User
    @Field(key: "at") var at: Date

    init() {}
}
