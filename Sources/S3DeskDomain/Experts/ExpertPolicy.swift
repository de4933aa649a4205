/// What one person may do with one expert's profile.
public struct ExpertPolicy: Sendable, Equatable {
    public let role: Role
    /// The expert themselves.
    public let isSelf: Bool

    public init(role: Role, isSelf: Bool) {
        self.role = role
        self.isSelf = isSelf
    }

    public var canView: Bool { role.may(.viewExperts) || (isSelf && role.may(.keepExpertProfile)) }

    /// The expert keeps their profile and conflicts current; the secretariat may correct it.
    public var canEdit: Bool { role.may(.manageExperts) || (isSelf && role.may(.keepExpertProfile)) }
}
