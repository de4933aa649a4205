import Testing
@testable import S3DeskDomain

@Suite("Assignment, meeting and expert policies")
struct AssignmentPolicyTests {
    private func policy(_ role: Role, member: Bool = false, expert: Bool = false, status: AssignmentStatus = .scoping,
                        confirmed: Bool = false, hasExpert: Bool = false) -> AssignmentPolicy {
        AssignmentPolicy(role: role, isMember: member, isAssignedExpert: expert, status: status, scopeConfirmed: confirmed, hasExpert: hasExpert)
    }

    @Test("the four parties see the assignment; another region and another expert do not", arguments: [
        (Role.admin, false, false, true), (.secretariat, false, false, true), (.commission, false, false, true),
        (.applicant, true, false, true), (.applicant, false, false, false),
        (.expert, false, true, true), (.expert, false, false, false),
    ])
    func view(role: Role, member: Bool, expert: Bool, allowed: Bool) {
        #expect(policy(role, member: member, expert: expert).canView == allowed)
    }

    @Test("only the region confirms, once per version of the scope, before the launch")
    func confirm() {
        #expect(policy(.applicant, member: true).canConfirmScope)
        #expect(!policy(.applicant, member: true, confirmed: true).canConfirmScope)
        #expect(!policy(.applicant, member: true, status: .launched).canConfirmScope)
        #expect(!policy(.applicant, member: false).canConfirmScope)
        #expect(!policy(.secretariat).canConfirmScope)
    }

    @Test("the launch needs the region's confirmation and an expert", arguments: Role.allCases)
    func launch(role: Role) {
        let staff = role == .admin || role == .secretariat
        #expect(policy(role, confirmed: true, hasExpert: true).canLaunch == staff)
        #expect(!policy(role, confirmed: false, hasExpert: true).canLaunch)
        #expect(!policy(role, confirmed: true, hasExpert: false).canLaunch)
        #expect(!policy(role, status: .launched, confirmed: true, hasExpert: true).canLaunch)
        #expect(policy(role).canAssignExpert == staff)
        #expect(policy(role, status: .launched).canAssignExpert == false)
    }

    @Test("meetings: parties see them, only the secretariat changes them, and never once cancelled")
    func meetings() {
        func meeting(_ role: Role, member: Bool = false, expert: Bool = false, participant: Bool = false, cancelled: Bool = false) -> MeetingPolicy {
            MeetingPolicy(role: role, isMember: member, isAssignedExpert: expert, isParticipant: participant, cancelled: cancelled)
        }
        #expect(meeting(.applicant, member: true).canView)
        #expect(!meeting(.applicant).canView)
        #expect(meeting(.expert, expert: true).canView)
        #expect(!meeting(.expert).canView)
        #expect(meeting(.expert, participant: true).canView)
        #expect(meeting(.secretariat).canChange)
        #expect(!meeting(.secretariat, cancelled: true).canChange)
        #expect(!meeting(.commission).canChange)
        #expect(!meeting(.applicant, member: true).canRecordMinutes)
    }

    @Test("experts: staff and the Commission see profiles; the expert edits their own, the secretariat any", arguments: Role.allCases)
    func experts(role: Role) {
        #expect(ExpertPolicy(role: role, isSelf: false).canView == [.admin, .secretariat, .commission].contains(role))
        #expect(ExpertPolicy(role: role, isSelf: false).canEdit == [.admin, .secretariat].contains(role))
        #expect(ExpertPolicy(role: .expert, isSelf: true).canEdit)
        #expect(!ExpertPolicy(role: .applicant, isSelf: true).canEdit)
    }

    @Test("meetings and scopes belong to selected applications", arguments: ApplicationStatus.allCases)
    func applicationSteps(status: ApplicationStatus) {
        let secretariat = ApplicationPolicy(role: .secretariat, isMember: false, status: status)
        #expect(secretariat.canScheduleMeeting == [.selected, .scoping, .launched].contains(status))
        #expect(secretariat.canRecordScope == [.selected, .scoping].contains(status))
        #expect(!ApplicationPolicy(role: .commission, isMember: false, status: status).canScheduleMeeting)
    }
}
