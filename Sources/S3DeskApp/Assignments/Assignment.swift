import Fluent
import S3DeskDomain
import Vapor

/// A Targeted Assignment: created when the secretariat records the scope of a selected
/// application, launched once the region has confirmed that scope and an expert is assigned.
final class Assignment: Model, @unchecked Sendable {
    static let schema = "assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Parent(key: "round_id") var round: Round
    @Enum(key: "status") var status: AssignmentStatus
    @Field(key: "scope") var scope: Scope
    /// Raised by every change of the scope; the region confirms one version.
    @Field(key: "scope_version") var scopeVersion: Int
    @Parent(key: "scope_recorded_by") var scopeRecordedBy: User
    @Field(key: "scope_recorded_at") var scopeRecordedAt: Date
    @OptionalField(key: "confirmed_version") var confirmedVersion: Int?
    @OptionalParent(key: "scope_confirmed_by") var scopeConfirmedBy: User?
    @OptionalField(key: "scope_confirmed_at") var scopeConfirmedAt: Date?
    @OptionalParent(key: "expert_id") var expert: Expert?
    @OptionalField(key: "expert_assigned_at") var expertAssignedAt: Date?
    @Field(key: "expert_days_budget") var expertDaysBudget: Int
    @OptionalField(key: "launch_date") var launchDate: String?
    @OptionalField(key: "planned_end_date") var plannedEndDate: String?
    @Field(key: "launch_late") var launchLate: Bool
    @OptionalField(key: "launched_at") var launchedAt: Date?
    /// Every timesheet entry not returned, kept with each entry under the assignment's lock.
    @Field(key: "half_days_logged") var halfDaysLogged: Int
    @OptionalParent(key: "final_report_id") var finalReport: Document?
    @OptionalField(key: "final_report_summary") var finalReportSummary: String?
    @OptionalField(key: "final_report_at") var finalReportAt: Date?
    @OptionalField(key: "satisfaction") var satisfaction: Int?
    @OptionalField(key: "feedback_comment") var feedbackComment: String?
    @OptionalParent(key: "feedback_by") var feedbackBy: User?
    @OptionalField(key: "feedback_at") var feedbackAt: Date?
    @OptionalParent(key: "closed_by") var closedBy: User?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var scopeConfirmed: Bool { confirmedVersion == scopeVersion }

    var daysUsed: ExpertDays { ExpertDays(halves: halfDaysLogged) }
    var budget: ExpertDays { ExpertDays(days: expertDaysBudget) }

    /// The launch date to the planned end date, once launched.
    var period: ClosedRange<CivilDate>? {
        guard let launchDate, let plannedEndDate, let launch = try? CivilDate(parsing: launchDate),
              let end = try? CivilDate(parsing: plannedEndDate), launch <= end else { return nil }
        return launch...end
    }

    /// What `user` may do with this assignment; `application` is the one it belongs to.
    func policy(for user: User, application: ApplicationRecord) -> AssignmentPolicy {
        AssignmentPolicy(role: user.role, isMember: ApplicationAccess.isMember(user, of: application),
                         isAssignedExpert: user.role == .expert && $expert.id != nil && expertUserID == user.id,
                         status: status, scopeConfirmed: scopeConfirmed, hasExpert: $expert.id != nil,
                         finalReportSubmitted: finalReportAt != nil, feedbackGiven: feedbackAt != nil)
    }

    /// The assigned expert's account, when the expert was loaded with the assignment.
    var expertUserID: UUID? { $expert.value??.$user.id }
}

extension Assignment {
    /// The assignments of `applications` in one query, by application: for lists that say
    /// what each region does next.
    static func byApplication(_ applications: [UUID], on db: any Database) async throws -> [UUID: Assignment] {
        guard !applications.isEmpty else { return [:] }
        let found = try await Assignment.query(on: db).filter(\.$application.$id ~~ applications).all()
        return Dictionary(found.map { ($0.$application.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
