/// What one person may do with one application. The API refuses, the pages show a button, and
/// the tests check, by this one answer, so the three never drift apart.
public struct ApplicationPolicy: Sendable, Equatable {
    public let role: Role
    /// Whether the person belongs to the applying organisation.
    public let isMember: Bool
    public let status: ApplicationStatus

    public init(role: Role, isMember: Bool, status: ApplicationStatus) {
        self.role = role
        self.isMember = isMember
        self.status = status
    }

    private var isApplicant: Bool { role.may(.apply) && isMember }

    /// Staff and the Commission see every application, applicants their organisation's only.
    public var canView: Bool { role.may(.viewAllApplications) || isApplicant }

    /// The applicant may withdraw until the assignment is launched (domain.md).
    public var canWithdraw: Bool { isApplicant && status.canMove(to: .withdrawn) }

    /// A draft is its authority's alone until submitted: its applicants may delete it outright.
    /// The pages offer this instead of withdrawing a draft; the API keeps both (api.md).
    public var canDeleteDraft: Bool { isApplicant && status == .draft }

    /// The secretariat ends an application that cannot go on. A draft is not cancelled: nobody
    /// but its authority has seen it, and it goes nowhere until submitted.
    public var canCancel: Bool { role.may(.decide) && status != .draft && status.canMove(to: .cancelled) }

    public var canRequestClarification: Bool {
        role.may(.requestClarification) && [.submitted, .underAssessment].contains(status)
    }

    public var canAssess: Bool { role.may(.assess) && status == .underAssessment }

    /// A decision is made on an application under assessment, or on one in reserve when a place frees.
    public var canDecide: Bool { role.may(.decide) && [.underAssessment, .reserve].contains(status) }

    /// Meetings belong to a selected application and then to its assignment.
    public var canScheduleMeeting: Bool {
        role.may(.manageAssignments) && [.selected, .scoping, .launched].contains(status)
    }

    /// The scope is agreed before the launch; recording it creates the assignment.
    public var canRecordScope: Bool { role.may(.manageAssignments) && [.selected, .scoping].contains(status) }
}
