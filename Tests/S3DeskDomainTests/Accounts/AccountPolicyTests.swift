import Testing
@testable import S3DeskDomain

@Suite("Account policy")
struct AccountPolicyTests {
    private func policy(actor: Role = .admin, isSelf: Bool = false, target: Role, isActive: Bool = true, admins: Int = 2) -> AccountPolicy {
        AccountPolicy(actor: actor, isSelf: isSelf, target: target, isActive: isActive, activeAdmins: admins)
    }

    @Test("only administrators manage accounts", arguments: Role.allCases)
    func onlyAdmins(actor: Role) {
        let policy = policy(actor: actor, target: .secretariat)
        #expect(policy.canView == (actor == .admin))
        #expect((policy.refusalToChangeRole(to: .commission) == nil) == (actor == .admin))
        #expect((policy.refusalToDeactivate == nil) == (actor == .admin))
        if actor != .admin { #expect(policy.refusalToDeactivate == .notAllowed) }
    }

    @Test("staff roles change among themselves; applicants and experts keep theirs")
    func staffRolesOnly() {
        #expect(policy(target: .secretariat).refusalToChangeRole(to: .commission) == nil)
        #expect(policy(target: .commission).refusalToChangeRole(to: .admin) == nil)
        #expect(policy(target: .applicant).refusalToChangeRole(to: .secretariat) == .notStaff)
        #expect(policy(target: .expert).refusalToChangeRole(to: .admin) == .notStaff)
        #expect(policy(target: .secretariat).refusalToChangeRole(to: .applicant) == .notStaff)
        #expect(policy(target: .applicant).roleChoices.isEmpty)
        #expect(policy(target: .secretariat).roleChoices == [.admin, .secretariat, .commission])
    }

    @Test("the last active administrator keeps the role and stays active, even by their own hand")
    func lastAdmin() {
        let last = policy(isSelf: true, target: .admin, admins: 1)
        #expect(last.refusalToChangeRole(to: .secretariat) == .lastAdmin)
        #expect(last.refusalToChangeRole(to: .admin) == nil)
        #expect(last.roleChoices == [.admin])
        #expect(last.refusalToDeactivate == .ownAccount)
        #expect(policy(target: .admin, admins: 1).refusalToDeactivate == .lastAdmin)
        // With a second administrator, either may step down.
        #expect(policy(isSelf: true, target: .admin, admins: 2).refusalToChangeRole(to: .secretariat) == nil)
        #expect(policy(target: .admin, admins: 2).refusalToDeactivate == nil)
        // A deactivated administrator is not one of the active: changing its role leaves the count as it is.
        #expect(policy(target: .admin, isActive: false, admins: 1).refusalToChangeRole(to: .commission) == nil)
    }

    @Test("nobody deactivates themselves; deactivating twice or reactivating an active account is refused")
    func activation() {
        #expect(policy(isSelf: true, target: .admin, admins: 3).refusalToDeactivate == .ownAccount)
        #expect(policy(target: .applicant, isActive: false).refusalToDeactivate == .alreadyInactive)
        #expect(policy(target: .applicant, isActive: false).refusalToReactivate == nil)
        #expect(policy(target: .expert).refusalToReactivate == .alreadyActive)
        #expect(policy(actor: .secretariat, target: .expert, isActive: false).refusalToReactivate == .notAllowed)
    }

    @Test("an administrator resets another person's second factor of any role, never their own, and only one that is set")
    func secondFactorReset() {
        for target in Role.allCases {
            #expect(policy(target: target).refusalToResetSecondFactor(isSet: true) == nil)
        }
        #expect(policy(isSelf: true, target: .admin).refusalToResetSecondFactor(isSet: true) == .ownSecondFactor)
        #expect(policy(target: .expert).refusalToResetSecondFactor(isSet: false) == .noSecondFactor)
        #expect(policy(actor: .secretariat, target: .applicant).refusalToResetSecondFactor(isSet: true) == .notAllowed)
    }
}
