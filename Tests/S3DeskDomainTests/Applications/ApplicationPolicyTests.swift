import Testing
@testable import S3DeskDomain

/// Every action for every role, as a member of the applying organisation and as someone else,
/// in every status, against a table written out by hand from domain.md.
@Suite("Application permissions")
struct ApplicationPolicyTests {
    enum Action: String, CaseIterable {
        case view, withdraw, cancel, requestClarification, assess, decide
    }

    /// Who (role, member of the applying organisation) may act, and in which statuses.
    static let allowed: [Action: (who: Set<String>, statuses: Set<ApplicationStatus>)] = [
        .view: (["admin", "secretariat", "commission", "admin+member", "secretariat+member", "commission+member", "applicant+member"],
                Set(ApplicationStatus.allCases)),
        .withdraw: (["applicant+member"], [.draft, .submitted, .underAssessment, .selected, .reserve, .scoping]),
        .cancel: (["admin", "secretariat", "admin+member", "secretariat+member"],
                  [.submitted, .underAssessment, .selected, .reserve, .scoping, .launched]),
        .requestClarification: (["admin", "secretariat", "admin+member", "secretariat+member"], [.submitted, .underAssessment]),
        .assess: (["admin", "secretariat", "commission", "admin+member", "secretariat+member", "commission+member"], [.underAssessment]),
        .decide: (["admin", "secretariat", "admin+member", "secretariat+member"], [.underAssessment, .reserve]),
    ]

    private func answer(_ policy: ApplicationPolicy, _ action: Action) -> Bool {
        switch action {
        case .view: policy.canView
        case .withdraw: policy.canWithdraw
        case .cancel: policy.canCancel
        case .requestClarification: policy.canRequestClarification
        case .assess: policy.canAssess
        case .decide: policy.canDecide
        }
    }

    @Test("each action, each role, member or not, each status", arguments: Action.allCases)
    func table(action: Action) throws {
        let rule = try #require(Self.allowed[action])
        for role in Role.allCases {
            for isMember in [true, false] {
                for status in ApplicationStatus.allCases {
                    let who = isMember ? "\(role.rawValue)+member" : role.rawValue
                    let expected = rule.who.contains(who) && rule.statuses.contains(status)
                    #expect(answer(ApplicationPolicy(role: role, isMember: isMember, status: status), action) == expected,
                            "\(action) by \(who) when \(status)")
                }
            }
        }
    }

    @Test("an applicant of another organisation may do nothing, an expert nothing yet")
    func outsiders() {
        for status in ApplicationStatus.allCases {
            for policy in [ApplicationPolicy(role: .applicant, isMember: false, status: status),
                           ApplicationPolicy(role: .expert, isMember: false, status: status)] {
                #expect(Action.allCases.allSatisfy { !answer(policy, $0) }, "\(policy)")
            }
        }
    }
}
