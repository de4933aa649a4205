import Testing
@testable import S3DeskDomain

@Suite("Delivery policy: who does what from launch to closure")
struct DeliveryPolicyTests {
    private func policy(_ role: Role, member: Bool = false, expert: Bool = false, status: AssignmentStatus = .launched,
                        report: Bool = false, feedback: Bool = false) -> AssignmentPolicy {
        AssignmentPolicy(role: role, isMember: member, isAssignedExpert: expert, status: status, scopeConfirmed: true, hasExpert: true,
                         finalReportSubmitted: report, feedbackGiven: feedback)
    }

    /// Each party while the assignment runs, before the final report.
    private var parties: [(String, AssignmentPolicy)] {
        [("secretariat", policy(.secretariat)), ("admin", policy(.admin)), ("commission", policy(.commission)),
         ("region", policy(.applicant, member: true)), ("expert", policy(.expert, expert: true)),
         ("other region", policy(.applicant)), ("other expert", policy(.expert))]
    }

    @Test("each action belongs to its parties and is refused with 403 to everyone else")
    func table() {
        let allowed: [DeliveryAction: Set<String>] = [
            .contribute: ["secretariat", "admin", "commission", "region", "expert"],
            .logDays: ["expert"], .submitFinalReport: ["expert"],
            .reviewTimesheet: ["secretariat", "admin"], .decideExtension: ["secretariat", "admin"],
            .requestExtension: ["region", "expert"],
        ]
        for (action, who) in allowed {
            for (name, policy) in parties {
                #expect(policy.allows(action) == who.contains(name), "\(name) \(action)")
                if !who.contains(name) && (name.hasPrefix("other") || action != .contribute) {
                    #expect(policy.refusal(action) == .notYours, "\(name) \(action)")
                }
            }
        }
    }

    @Test("the final report ends the logging of days and extensions; the feedback and closure wait for it")
    func order() {
        #expect(policy(.expert, expert: true, report: true).refusal(.logDays) == .notNow("the final report is submitted: the delivery is over"))
        #expect(policy(.applicant, member: true, report: true).refusal(.requestExtension) != nil)
        #expect(policy(.applicant, member: true).refusal(.giveFeedback) == .notNow("the expert has not submitted the final report yet"))
        #expect(policy(.applicant, member: true, report: true).allows(.giveFeedback))
        #expect(policy(.applicant, member: true, report: true, feedback: true).refusal(.giveFeedback) == .notNow("the region has already given its feedback"))
        #expect(policy(.secretariat, report: true).refusal(.close) == .notNow("the region has not given its feedback yet"))
        #expect(policy(.secretariat, report: true, feedback: true).allows(.close))
        #expect(policy(.commission, report: true, feedback: true).refusal(.close) == .notYours)
    }

    @Test("before the launch and after closure the space is read-only", arguments: [AssignmentStatus.scoping, .closed, .ended])
    func notRunning(status: AssignmentStatus) {
        for action in DeliveryAction.allCases where action != .giveFeedback && action != .close {
            let who = switch action {
            case .logDays, .submitFinalReport: policy(.expert, expert: true, status: status)
            case .requestExtension: policy(.applicant, member: true, status: status)
            default: policy(.secretariat, status: status)
            }
            #expect(!who.allows(action), "\(action) when \(status)")
        }
        #expect(policy(.secretariat, status: status).refusal(.contribute)
            == .notNow(status == .scoping ? "the assignment is not launched yet" : "the assignment is \(status.label.lowercased())"))
    }

    @Test("a closed assignment stays visible to its expert; an ended one does not")
    func closedVisible() {
        #expect(policy(.expert, expert: true, status: .closed).canView)
        #expect(!policy(.expert, expert: true, status: .ended).canView)
    }
}
