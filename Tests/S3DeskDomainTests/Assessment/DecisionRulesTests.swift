import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Assessment rules: scores, conflicts of interest, decisions")
struct DecisionRulesTests {
    @Test("scores are 0 to 5 on each criterion; every problem is named at once")
    func scores() throws {
        let scores = try Scores.validated(relevance: 5, impact: 4, ownership: 0, feasibility: 3)
        #expect(scores.total == 12)
        #expect(scores.scaled == 60)
        #expect(try Scores.validated(relevance: 5, impact: 5, ownership: 5, feasibility: 5).scaled == 100)
        do {
            _ = try Scores.validated(relevance: 6, impact: -1, ownership: nil, feasibility: 2)
            Issue.record("accepted scores outside the scale")
        } catch {
            #expect(error.messages["scores.relevance"] == "6 is outside the scale: score from 0 to 5")
            #expect(error.messages["scores.impact"] == "-1 is outside the scale: score from 0 to 5")
            #expect(error.messages["scores.ownership"] == "Score ownership and commitment from 0 to 5")
            #expect(error.messages["scores.feasibility"] == nil)
        }
    }

    @Test("working for the applying organisation is a conflict: same organisation, or the same non-public mail domain")
    func worksForApplicant() {
        let org = UUID()
        #expect(ConflictOfInterest.worksForApplicant(assessorOrganisation: org, assessorEmail: "a@ec.europa.eu",
                                                     applicantOrganisation: org, applicantEmails: []))
        #expect(ConflictOfInterest.worksForApplicant(assessorOrganisation: nil, assessorEmail: "Marta@Regione.Calabria.IT",
                                                     applicantOrganisation: org, applicantEmails: ["lucia@regione.calabria.it"]))
        #expect(!ConflictOfInterest.worksForApplicant(assessorOrganisation: nil, assessorEmail: "someone@gmail.com",
                                                      applicantOrganisation: org, applicantEmails: ["lucia@gmail.com"]),
                "a public mail domain says nothing about an employer")
        #expect(!ConflictOfInterest.worksForApplicant(assessorOrganisation: UUID(), assessorEmail: "a@ec.europa.eu",
                                                      applicantOrganisation: org, applicantEmails: ["lucia@regione.calabria.it"]))
        #expect(!ConflictOfInterest.worksForApplicant(assessorOrganisation: nil, assessorEmail: "no-at-sign",
                                                      applicantOrganisation: org, applicantEmails: ["no-at-sign"]))
    }

    private func refusal(_ decision: DecisionKind, _ scores: [Int], selectedElsewhere: Int = 0, capacity: Int = 10) -> DecisionRefusal? {
        DecisionRules.refusal(of: decision, scoreSum: scores.reduce(0, +), scoreCount: scores.count, policy: RankingPolicy(),
                              selectedElsewhere: selectedElsewhere, capacity: capacity)
    }

    @Test("a decision needs the minimum assessments; selected and reserve need merit at the threshold; selected a free place")
    func decisions() {
        #expect(refusal(.rejected, [40]) == .tooFewAssessments(have: 1, need: 2))
        #expect(refusal(.rejected, []) == .tooFewAssessments(have: 0, need: 2))
        #expect(refusal(.rejected, [40, 45], selectedElsewhere: 10) == nil)
        #expect(refusal(.reserve, [40, 45]) == .belowThreshold(merit: 42.5, threshold: 50, decision: .reserve))
        #expect(refusal(.reserve, [90, 90], selectedElsewhere: 10) == nil, "the reserve takes no place")
        #expect(refusal(.selected, [45, 50, 50]) == .belowThreshold(merit: 145.0 / 3, threshold: 50, decision: .selected))
        #expect(refusal(.selected, [50, 50], selectedElsewhere: 9) == nil, "exactly at the threshold, with the last place free")
        #expect(refusal(.selected, [90, 90], selectedElsewhere: 10) == .roundFull(capacity: 10))
        #expect(DecisionRefusal.belowThreshold(merit: 145.0 / 3, threshold: 50, decision: .selected).message
                == "merit 48.33 is below the threshold of 50: it cannot be selected")
        #expect(DecisionRefusal.belowThreshold(merit: 42.5, threshold: 50, decision: .reserve).message
                == "merit 42.5 is below the threshold of 50: it cannot be put on the reserve list")
    }

    @Test("a reserve application can be promoted up to and including the launch due date, in a leap year too")
    func promotion() throws {
        let due = try CivilDate(parsing: "2024-02-29")
        #expect(DecisionRules.promotionRefusal(today: try CivilDate(parsing: "2024-02-28"), launchDue: due) == nil)
        #expect(DecisionRules.promotionRefusal(today: due, launchDue: due) == nil)
        #expect(DecisionRules.promotionRefusal(today: try CivilDate(parsing: "2024-03-01"), launchDue: due) == .launchPassed(launchDue: due))
    }

    @Test("a policy is taken whole with the capacity: a missing or out-of-range value is named")
    func policyInput() throws {
        let complete = RankingPolicyInput(lessDevelopedBonus: 25, transitionBonus: 10, moreDevelopedBonus: 0, perChallenge: 5,
                                          challengeCap: 15, meritThreshold: 60, minimumAssessments: 3, capacityPerRound: 12)
        let (policy, capacity) = try complete.validated()
        #expect(policy.lessDevelopedBonus == 25 && policy.meritThreshold == 60 && policy.minimumAssessments == 3)
        #expect(policy.priority.bonus(for: .lessDeveloped) == 25)
        #expect(capacity == 12)
        #expect(RankingPolicyInput(policy, capacity: capacity) == complete, "what is in force reads back as it was given")
        var broken = complete
        broken.minimumAssessments = 1
        broken.meritThreshold = 101
        broken.challengeCap = nil
        broken.capacityPerRound = 0
        do {
            _ = try broken.validated()
            Issue.record("accepted a broken policy")
        } catch {
            #expect(error.messages == [
                "minimumAssessments": "1 is outside 2–10",
                "meritThreshold": "101 is outside 0–100",
                "challengeCap": "Give a whole number from 0 to 100",
                "capacityPerRound": "0 is outside 1–500",
            ])
        }
    }
}

@Suite("Endorsement of a round's decisions")
struct EndorsementRulesTests {
    @Test("refused when already endorsed, before the cut-off, with undecided applications, or with nothing to endorse")
    func refusals() {
        #expect(EndorsementRules.refusal(alreadyEndorsed: true, awaitingCutoff: 0, undecided: [], pending: 3)?.code == "round_endorsed")
        #expect(EndorsementRules.refusal(alreadyEndorsed: false, awaitingCutoff: 1, undecided: [], pending: 3)?.code == "round_open")
        #expect(EndorsementRules.refusal(alreadyEndorsed: false, awaitingCutoff: 0, undecided: ["TS-2026-0002"], pending: 3)?.message
                == "1 application has no decision yet: TS-2026-0002")
        let many = (1...12).map { "TS-2026-\($0)" }
        #expect(EndorsementRules.refusal(alreadyEndorsed: false, awaitingCutoff: 0, undecided: many, pending: 0)?.message
                == "12 applications have no decision yet: \(many.prefix(10).joined(separator: ", ")) and 2 more")
        #expect(EndorsementRules.refusal(alreadyEndorsed: false, awaitingCutoff: 0, undecided: [], pending: 0)?.code == "nothing_to_endorse")
        #expect(EndorsementRules.refusal(alreadyEndorsed: false, awaitingCutoff: 0, undecided: [], pending: 1) == nil)
    }

    @Test("returning needs a comment; endorsing does not")
    func comments() {
        #expect(EndorsementRules.commentProblem(endorsed: false, comment: "") != nil)
        #expect(EndorsementRules.commentProblem(endorsed: false, comment: "Re-check TS-2026-0004's merit") == nil)
        #expect(EndorsementRules.commentProblem(endorsed: true, comment: "") == nil)
        #expect(EndorsementRules.commentProblem(endorsed: true, comment: String(repeating: "x", count: 5_001)) != nil)
    }
}
