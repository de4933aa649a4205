/// Where an assignment stands, as the policy and the pages need it.
public enum AssignmentStatus: String, CaseIterable, Codable, Sendable {
    /// The scope is being agreed and the expert chosen.
    case scoping
    case launched
    /// Its application was withdrawn or cancelled: the expert's days are free again.
    case ended
    /// Delivered: the final report is in, the region gave feedback, the secretariat closed it.
    case closed

    public var label: String {
        switch self {
        case .scoping: "Scoping"
        case .launched: "Launched"
        case .ended: "Ended"
        case .closed: "Closed"
        }
    }
}

/// What one person may do with one Targeted Assignment: the API refuses, the pages offer, and the
/// tests check by this one answer.
public struct AssignmentPolicy: Sendable, Equatable {
    public let role: Role
    /// A member of the region's applying organisation.
    public let isMember: Bool
    /// The expert assigned to it.
    public let isAssignedExpert: Bool
    public let status: AssignmentStatus
    /// The region has confirmed the scope as it stands now.
    public let scopeConfirmed: Bool
    public let hasExpert: Bool
    public let finalReportSubmitted: Bool
    public let feedbackGiven: Bool

    public init(role: Role, isMember: Bool, isAssignedExpert: Bool, status: AssignmentStatus, scopeConfirmed: Bool, hasExpert: Bool,
                finalReportSubmitted: Bool = false, feedbackGiven: Bool = false) {
        self.role = role
        self.isMember = isMember
        self.isAssignedExpert = isAssignedExpert
        self.status = status
        self.scopeConfirmed = scopeConfirmed
        self.hasExpert = hasExpert
        self.finalReportSubmitted = finalReportSubmitted
        self.feedbackGiven = feedbackGiven
    }

    var isRegion: Bool { role.may(.apply) && isMember }
    var isExpert: Bool { role == .expert && isAssignedExpert }

    /// Its four parties: the secretariat and the Commission, the region, the expert.
    public var canView: Bool {
        role.may(.viewAllApplications) || isRegion || (isExpert && status != .ended)
    }

    /// The region confirms each version of the scope the secretariat records.
    public var canConfirmScope: Bool { isRegion && status == .scoping && !scopeConfirmed }

    /// Who is suggested and why is the secretariat's working view.
    public var canSeeSuggestions: Bool { role.may(.manageAssignments) && status == .scoping }

    public var canAssignExpert: Bool { role.may(.manageAssignments) && status == .scoping }

    public var canLaunch: Bool { role.may(.manageAssignments) && status == .scoping && scopeConfirmed && hasExpert }
}
