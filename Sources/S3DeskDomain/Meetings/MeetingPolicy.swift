/// What one person may do with one meeting.
public struct MeetingPolicy: Sendable, Equatable {
    public let role: Role
    public let isMember: Bool
    public let isAssignedExpert: Bool
    /// Invited by address (the Commission's officer, a guest with an account).
    public let isParticipant: Bool
    public let cancelled: Bool

    public init(role: Role, isMember: Bool, isAssignedExpert: Bool, isParticipant: Bool, cancelled: Bool) {
        self.role = role
        self.isMember = isMember
        self.isAssignedExpert = isAssignedExpert
        self.isParticipant = isParticipant
        self.cancelled = cancelled
    }

    /// Its parties only: staff, the region, the assigned expert and those invited.
    public var canView: Bool {
        role.may(.viewAllApplications) || (role.may(.apply) && isMember) || (role == .expert && isAssignedExpert) || isParticipant
    }

    /// Reschedule, change or cancel; a cancelled meeting stays as it was, in the history.
    public var canChange: Bool { role.may(.manageAssignments) && !cancelled }

    public var canRecordMinutes: Bool { role.may(.manageAssignments) && !cancelled }
}
