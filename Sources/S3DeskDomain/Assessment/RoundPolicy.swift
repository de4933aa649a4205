/// What one person may do with one round of a call: its overview and ranking, and the
/// Commission's endorsement of its decisions.
public struct RoundPolicy: Sendable, Equatable {
    public let role: Role
    /// Whether the Commission has endorsed the round's decisions: that is final.
    public let endorsed: Bool

    public init(role: Role, endorsed: Bool) {
        self.role = role
        self.endorsed = endorsed
    }

    /// The ranking names every applicant of the round, so only staff and the Commission see it.
    public var canView: Bool { role.may(.viewAllApplications) }

    /// The Commission endorses a round, or returns its decisions, until it has endorsed it once.
    public var canEndorse: Bool { role.may(.endorse) && !endorsed }
}
