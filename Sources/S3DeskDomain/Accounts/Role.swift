/// The parties of the service (domain.md, "Parties and roles").
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin
    case secretariat
    case commission
    case expert
    case applicant

    /// The role as the person holding it reads it beside their name.
    public var label: String {
        switch self {
        case .admin: "Administrator"
        case .secretariat: "Secretariat"
        case .commission: "European Commission"
        case .expert: "Expert"
        case .applicant: "Applicant"
        }
    }

    /// The roles an administrator gives and changes on the users page. Applicants join through
    /// registration and belong to an authority; experts through the pool, with a profile: a
    /// role change would leave either without what its role is made of.
    public static let staff: [Role] = [.admin, .secretariat, .commission]

    public var isStaff: Bool { Role.staff.contains(self) }
}

/// What a role may do. Routes ask for a capability, never for a list of roles, so the
/// table below is the one place that says who may do what.
public enum Capability: Sendable, CaseIterable {
    /// Create and edit calls and their cut-off dates.
    case manageCalls
    /// Correct the category of a region in the reference data.
    case correctReferenceData
    /// Read the emails the service queued and sent.
    case readOutbox
    /// See every application, not only one's organisation's.
    case viewAllApplications
    /// Apply on behalf of one's organisation.
    case apply
    /// Ask an applicant to clarify named fields of a submitted application.
    case requestClarification
    /// Score applications on the rubric (or declare a conflict of interest).
    case assess
    /// Decide selected / reserve / rejected, cancel an application, change a call's ranking policy.
    case decide
    /// Endorse a round's decisions or return them: the Commission's alone.
    case endorse
    /// Schedule meetings, record the scope, assign experts and launch assignments.
    case manageAssignments
    /// Add experts to the pool and edit anyone's profile.
    case manageExperts
    /// List and search the expert pool.
    case viewExperts
    /// Add, rename, reorder and retire the topics and methods of the catalogue.
    case editCatalogue
    /// Keep one's own expert profile and conflicts of interest current.
    case keepExpertProfile
    /// Read the monitoring: the dashboard, the summary and the exports of every application.
    case monitor
    /// Invite staff, change their roles, deactivate and reactivate accounts.
    case manageUsers
}

extension Role {
    public func may(_ capability: Capability) -> Bool {
        switch capability {
        case .manageCalls, .correctReferenceData, .readOutbox, .requestClarification, .decide,
             .manageAssignments, .manageExperts, .editCatalogue:
            self == .admin || self == .secretariat
        case .viewAllApplications, .assess, .viewExperts, .monitor:
            self == .admin || self == .secretariat || self == .commission
        case .apply:
            self == .applicant
        case .endorse:
            self == .commission
        case .keepExpertProfile:
            self == .expert
        case .manageUsers:
            self == .admin
        }
    }
}
