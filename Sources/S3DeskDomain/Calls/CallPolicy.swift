/// What one person may do with one call for applications.
public struct CallPolicy: Sendable, Equatable {
    public let role: Role
    /// Whether the person's account belongs to an authority, which is who applies.
    public let hasOrganisation: Bool
    /// Whether the call's last cut-off is still ahead.
    public let isOpen: Bool

    public init(role: Role, hasOrganisation: Bool, isOpen: Bool) {
        self.role = role
        self.hasOrganisation = hasOrganisation
        self.isOpen = isOpen
    }

    /// The secretariat edits the call, its cut-off dates and its questions, open or closed.
    public var canEdit: Bool { role.may(.manageCalls) }

    /// An authority's applicant starts a draft while the call is open.
    public var canApply: Bool { role.may(.apply) && hasOrganisation && isOpen }

    /// Staff and the Commission read how the call's rounds are ranked.
    public var canViewRankingPolicy: Bool { role.may(.viewAllApplications) }

    /// The secretariat sets the bonuses, the threshold and the capacity of the call's rounds.
    public var canChangeRankingPolicy: Bool { role.may(.decide) }
}
