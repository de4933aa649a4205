import S3DeskDomain
import Vapor

/// The API's view of a Targeted Assignment (api.md, "Delivery").
struct AssignmentDTO: Content {
    let id: UUID
    /// The same id, under the name `POST …/scope` answers with (api.md).
    let assignmentId: UUID
    let applicationId: UUID
    let reference: String
    let status: AssignmentStatus
    let scope: Scope
    let scopeVersion: Int
    let scopeConfirmed: Bool
    let scopeConfirmedAt: String?
    let expertId: UUID?
    let expertName: String?
    let launchDate: String?
    let plannedEndDate: String?
    let launchDue: String?
    /// Launched after the round's launch due date.
    let late: Bool
    let expertDaysBudget: Int
    /// Every timesheet entry not returned to the expert: waiting for approval or approved.
    let expertDaysUsed: Double
    let expertDaysRemaining: Double
    let finalReportId: UUID?
    let finalReportSummary: String?
    let finalReportAt: String?
    /// The region's feedback; not shown to the expert it is about.
    let satisfaction: Int?
    let feedbackComment: String?
    let feedbackAt: String?
    let closedAt: String?

    /// - Parameter feedbackShown: false for the expert.
    init(_ assignment: Assignment, application: ApplicationRecord, feedbackShown: Bool = true) throws {
        id = try assignment.requireID()
        assignmentId = id
        applicationId = assignment.$application.id
        reference = application.reference
        status = assignment.status
        scope = assignment.scope
        scopeVersion = assignment.scopeVersion
        scopeConfirmed = assignment.scopeConfirmed
        scopeConfirmedAt = assignment.scopeConfirmed ? assignment.scopeConfirmedAt.map(Instant.format) : nil
        let expert = assignment.$expert.value ?? nil
        expertId = assignment.$expert.id
        expertName = expert?.name
        launchDate = assignment.launchDate
        plannedEndDate = assignment.plannedEndDate
        launchDue = application.round?.launchDue
        late = assignment.launchLate
        expertDaysBudget = assignment.expertDaysBudget
        expertDaysUsed = assignment.daysUsed.days
        expertDaysRemaining = (assignment.budget - assignment.daysUsed).days
        finalReportId = assignment.$finalReport.id
        finalReportSummary = assignment.finalReportSummary
        finalReportAt = assignment.finalReportAt.map(Instant.format)
        satisfaction = feedbackShown ? assignment.satisfaction : nil
        feedbackComment = feedbackShown ? assignment.feedbackComment : nil
        feedbackAt = assignment.feedbackAt.map(Instant.format)
        closedAt = assignment.closedAt.map(Instant.format)
    }
}

/// One expert of the pool as a suggestion for an assignment.
struct SuggestionDTO: Content {
    let expertId: UUID
    let name: String
    let score: Int
    let assignable: Bool
    let reasons: [String]
}

struct MatchingDTO: Content {
    struct Item: Content {
        let assignmentId: UUID
        let applicationId: UUID
        let reference: String
        let expertId: UUID
        let expertName: String
        let score: Int
    }
    let items: [Item]
    let totalScore: Int
    /// Applications whose assignment still needs an expert that no one in the pool can take.
    let unserved: [String]

    init(_ proposal: ExpertSuggestions.Proposal) throws {
        items = try proposal.pairs.map {
            Item(assignmentId: try $0.assignment.requireID(), applicationId: try $0.application.requireID(), reference: $0.application.reference,
                 expertId: try $0.expert.requireID(), expertName: $0.expert.name, score: $0.score)
        }
        totalScore = proposal.total
        unserved = proposal.unserved.map(\.reference)
    }
}
