import Testing
@testable import S3DeskDomain

/// Every action on a call for every role, with and without an authority, open and closed,
/// against a table written out by hand.
@Suite("Call permissions")
struct CallPolicyTests {
    enum Action: String, CaseIterable {
        case edit, apply, viewRankingPolicy, changeRankingPolicy
    }

    struct Situation: Hashable, CustomStringConvertible {
        let role: Role
        let hasOrganisation: Bool
        let isOpen: Bool
        var description: String { "\(role) \(hasOrganisation ? "of an authority" : "of no authority"), call \(isOpen ? "open" : "closed")" }
    }

    /// Who may act, spelled out per action rather than derived from the policy.
    static func allowed(_ action: Action, _ who: Situation) -> Bool {
        switch action {
        case .edit, .changeRankingPolicy: [.admin, .secretariat].contains(who.role)
        case .apply: who.role == .applicant && who.hasOrganisation && who.isOpen
        case .viewRankingPolicy: [.admin, .secretariat, .commission].contains(who.role)
        }
    }

    private func answer(_ policy: CallPolicy, _ action: Action) -> Bool {
        switch action {
        case .edit: policy.canEdit
        case .apply: policy.canApply
        case .viewRankingPolicy: policy.canViewRankingPolicy
        case .changeRankingPolicy: policy.canChangeRankingPolicy
        }
    }

    @Test("each action, each role, with or without an authority, open or closed", arguments: Action.allCases)
    func table(action: Action) {
        for role in Role.allCases {
            for hasOrganisation in [true, false] {
                for isOpen in [true, false] {
                    let situation = Situation(role: role, hasOrganisation: hasOrganisation, isOpen: isOpen)
                    #expect(answer(CallPolicy(role: role, hasOrganisation: hasOrganisation, isOpen: isOpen), action) == Self.allowed(action, situation),
                            "\(action) by \(situation)")
                }
            }
        }
    }
}
