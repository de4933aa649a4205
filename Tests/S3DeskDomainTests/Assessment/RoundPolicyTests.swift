import Testing
@testable import S3DeskDomain

/// Every action on a round for every role, before and after the endorsement, against a table
/// written out by hand from domain.md.
@Suite("Round permissions")
struct RoundPolicyTests {
    enum Action: String, CaseIterable {
        case view, endorse
    }

    /// Who may act, before the endorsement and after it.
    static let allowed: [Action: (before: Set<Role>, after: Set<Role>)] = [
        .view: ([.admin, .secretariat, .commission], [.admin, .secretariat, .commission]),
        .endorse: ([.commission], []),
    ]

    private func answer(_ policy: RoundPolicy, _ action: Action) -> Bool {
        switch action {
        case .view: policy.canView
        case .endorse: policy.canEndorse
        }
    }

    @Test("each action, each role, endorsed or not", arguments: Action.allCases)
    func table(action: Action) throws {
        let rule = try #require(Self.allowed[action])
        for role in Role.allCases {
            for endorsed in [false, true] {
                let expected = (endorsed ? rule.after : rule.before).contains(role)
                #expect(answer(RoundPolicy(role: role, endorsed: endorsed), action) == expected,
                        "\(action) by \(role) when \(endorsed ? "endorsed" : "not endorsed")")
            }
        }
    }
}
