/// What one administrator may do with one account on the users page, and why not when not.
///
/// The service must always keep an administrator who can sign in: otherwise only the command
/// line could give the role back. So no change may leave no active administrator, and nobody
/// deactivates their own account (another administrator does, who can also undo it).
public struct AccountPolicy: Sendable, Equatable {
    public let actor: Role
    public let isSelf: Bool
    public let target: Role
    public let isActive: Bool
    /// Active administrators, the account itself included when it is one.
    public let activeAdmins: Int

    public init(actor: Role, isSelf: Bool, target: Role, isActive: Bool, activeAdmins: Int) {
        self.actor = actor
        self.isSelf = isSelf
        self.target = target
        self.isActive = isActive
        self.activeAdmins = activeAdmins
    }

    public enum Refusal: Equatable, Sendable {
        case notStaff
        case notAllowed
        case lastAdmin
        case ownAccount
        case alreadyActive
        case alreadyInactive
        case ownSecondFactor
        case noSecondFactor

        public var message: String {
            switch self {
            case .notStaff: "Only staff roles change here: applicants belong to their authority and experts to the pool"
            case .notAllowed: "Only an administrator manages accounts"
            case .lastAdmin: "This is the last active administrator: make another account an administrator first"
            case .ownAccount: "You cannot deactivate your own account: ask another administrator"
            case .alreadyActive: "This account is already active"
            case .alreadyInactive: "This account is already deactivated"
            case .ownSecondFactor: "You cannot reset your own two-factor sign-in here: use a recovery code, or ask another administrator"
            case .noSecondFactor: "This account has no two-factor sign-in to reset"
            }
        }
    }

    public var canView: Bool { actor.may(.manageUsers) }

    /// Nil when the account may take `role`.
    public func refusalToChangeRole(to role: Role) -> Refusal? {
        guard actor.may(.manageUsers) else { return .notAllowed }
        guard target.isStaff, role.isStaff else { return .notStaff }
        if leavesNoAdmin, role != .admin { return .lastAdmin }
        return nil
    }

    public var refusalToDeactivate: Refusal? {
        guard actor.may(.manageUsers) else { return .notAllowed }
        guard isActive else { return .alreadyInactive }
        if isSelf { return .ownAccount }
        if leavesNoAdmin { return .lastAdmin }
        return nil
    }

    public var refusalToReactivate: Refusal? {
        guard actor.may(.manageUsers) else { return .notAllowed }
        return isActive ? .alreadyActive : nil
    }

    /// Taking two-factor sign-in off the account of someone who lost both their phone and their
    /// recovery codes; never one's own, which would skip the factor it protects.
    public func refusalToResetSecondFactor(isSet: Bool) -> Refusal? {
        guard actor.may(.manageUsers) else { return .notAllowed }
        if isSelf { return .ownSecondFactor }
        return isSet ? nil : .noSecondFactor
    }

    /// The roles the role menu offers: none for an applicant or an expert.
    public var roleChoices: [Role] {
        Role.staff.filter { $0 == target || refusalToChangeRole(to: $0) == nil }
    }

    private var leavesNoAdmin: Bool { target == .admin && isActive && activeAdmins <= 1 }
}
