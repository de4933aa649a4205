import Testing
@testable import S3DeskDomain

/// A complete, eligible application, for tests to spoil one field at a time.
let eligibleContent = ApplicationContent(
    organisationName: "Regione Calabria", authorityType: "regional_authority", s3ResponsibilityConfirmed: true,
    territory: "ITF6", contact: Contact(name: "Lucia Greco", email: "lucia@regione.calabria.it", phone: "+39 0961 123456", position: "S3 officer"),
    topics: ["edp", "other"], otherTopic: "Support for a new agrifood observatory",
    challenges: [Challenge(kind: "demographic", justification: String(repeating: "Population decline in inner areas. ", count: 2))],
    needs: String(repeating: "We need help to run a continuous entrepreneurial discovery process. ", count: 3),
    s3Context: "Agrifood and tourism priority areas", stakeholders: "Universities, SMEs, clusters",
    expectedResults: "A governance model for the EDP", languages: ["Italian", "English"])

let reference = ApplicationReference(regions: ["ITF6", "PL92"], countries: ["IT", "PL"],
                                     topics: Set(TopicCatalogue.initial.map(\.slug)))

@Suite("Application rules: drafts and eligibility at submission")
struct ApplicationRulesTests {
    @Test("a complete application by an eligible authority may be submitted")
    func eligible() {
        #expect(ApplicationRules.submissionProblems(eligibleContent, reference: reference).isEmpty)
    }

    @Test("an empty draft saves, but cannot be submitted; every missing field is named")
    func emptyDraft() {
        let empty = ApplicationContent()
        #expect(ApplicationRules.draftProblems(empty, reference: reference).isEmpty)
        let problems = ApplicationRules.submissionProblems(empty, reference: reference)
        #expect(Set(problems.messages.keys) == [
            "organisationName", "authorityType", "s3ResponsibilityConfirmed", "territory", "contact.name",
            "contact.email", "contact.position", "topics", "needs", "s3Context", "stakeholders", "expectedResults", "languages",
        ])
    }

    @Test("eligibility: other organisations, the S3 confirmation, the territory")
    func eligibility() {
        var content = eligibleContent
        content.authorityType = "university"
        content.s3ResponsibilityConfirmed = false
        content.territory = "XX12"
        let problems = ApplicationRules.submissionProblems(content, reference: reference)
        #expect(problems.messages["authorityType"]?.contains("not eligible") == true)
        #expect(problems.messages["s3ResponsibilityConfirmed"] != nil)
        #expect(problems.messages["territory"]?.contains("XX12") == true)
        // The same wrong type is already refused in a draft.
        #expect(ApplicationRules.draftProblems(content, reference: reference).messages["authorityType"] != nil)
    }

    @Test("justifications need 50 characters; the needs 100 to 5,000", arguments: [49, 50])
    func justification(length: Int) {
        var content = eligibleContent
        content.challenges = [Challenge(kind: "green", justification: String(repeating: "x", count: length))]
        let problems = ApplicationRules.submissionProblems(content, reference: reference)
        #expect((problems.messages["challenges[0].justification"] != nil) == (length < 50))
    }

    @Test("needs at the edges", arguments: [(99, false), (100, true), (5000, true), (5001, false)])
    func needs(length: Int, accepted: Bool) {
        var content = eligibleContent
        content.needs = String(repeating: "n", count: length)
        #expect(ApplicationRules.submissionProblems(content, reference: reference).messages["needs"] == nil ? accepted : !accepted)
    }

    @Test("unknown topics and challenge kinds, duplicates, and “other” without a description")
    func topicsAndChallenges() {
        var content = eligibleContent
        content.topics = ["edp", "blockchain", "other"]
        content.otherTopic = " "
        content.challenges = [Challenge(kind: "digital", justification: String(repeating: "d", count: 60)),
                              Challenge(kind: "digital", justification: String(repeating: "d", count: 60)),
                              Challenge(kind: "climate", justification: String(repeating: "c", count: 60))]
        let problems = ApplicationRules.submissionProblems(content, reference: reference)
        #expect(problems.messages["topics"]?.contains("blockchain") == true)
        #expect(problems.messages["otherTopic"] != nil)
        #expect(problems.messages["challenges[1].kind"]?.contains("twice") == true)
        #expect(problems.messages["challenges[2].kind"] != nil)
    }

    @Test("a PATCH replaces only the fields it carries")
    func patch() {
        let updated = eligibleContent.updated(with: ApplicationContent(needs: "new needs"))
        #expect(updated.needs == "new needs")
        #expect(updated.territory == "ITF6")
    }

    @Test("references are numbered per year with four digits")
    func references() {
        #expect(ApplicationNumber.reference(year: 2026, sequence: 1) == "TS-2026-0001")
        #expect(ApplicationNumber.reference(year: 2026, sequence: 12345) == "TS-2026-12345")
    }
}

@Suite("Lifecycle")
struct ApplicationStatusTests {
    @Test("the lifecycle's transitions, and no others")
    func transitions() {
        #expect(ApplicationStatus.draft.canMove(to: .submitted))
        #expect(ApplicationStatus.submitted.canMove(to: .underAssessment))
        #expect(ApplicationStatus.reserve.canMove(to: .selected))
        #expect(!ApplicationStatus.submitted.canMove(to: .selected))
        #expect(!ApplicationStatus.draft.canMove(to: .underAssessment))
        #expect(!ApplicationStatus.rejected.canMove(to: .selected))
    }

    @Test("withdrawal is possible until launch, cancellation until a final status", arguments: ApplicationStatus.allCases)
    func endings(status: ApplicationStatus) {
        let beforeLaunch: [ApplicationStatus] = [.draft, .submitted, .underAssessment, .selected, .reserve, .scoping]
        #expect(status.canMove(to: .withdrawn) == beforeLaunch.contains(status))
        #expect(status.canMove(to: .cancelled) == !status.isFinal)
    }
}

@Suite("Priority bonus")
struct PriorityTests {
    @Test("region category plus 5 per challenge", arguments: [
        (RegionCategory.lessDeveloped, 0, 20), (.transition, 1, 15), (.moreDeveloped, 2, 10), (.unknown, 1, 5),
        (.lessDeveloped, 3, 35), (.lessDeveloped, 5, 35),
    ])
    func bonus(category: RegionCategory, challenges: Int, expected: Int) {
        let priority = Priority.compute(territory: .region("ITF6"), regionCategory: category, countryRegionCategories: [],
                                        challenges: Array(ChallengeKind.allCases.prefix(challenges)))
        #expect(priority.total == expected)
        #expect(priority.challengeBonus <= 15)
        #expect(priority.explanation.last == "Priority bonus: \(expected)")
    }

    @Test("a national application takes the majority of the country's regions; a tie goes to the less developed")
    func national() {
        #expect(Priority.majorityCategory([.transition, .transition, .lessDeveloped]) == .transition)
        #expect(Priority.majorityCategory([.transition, .lessDeveloped, .moreDeveloped, .moreDeveloped, .lessDeveloped]) == .lessDeveloped)
        #expect(Priority.majorityCategory([.moreDeveloped, .transition]) == .transition)
        #expect(Priority.majorityCategory([.unknown, .unknown, .moreDeveloped]) == .moreDeveloped)
        #expect(Priority.majorityCategory([.unknown]) == .unknown)
        let priority = Priority.compute(territory: .country("PT"), regionCategory: nil,
                                        countryRegionCategories: [.lessDeveloped, .lessDeveloped, .transition, .moreDeveloped],
                                        challenges: [])
        #expect(priority.category == .lessDeveloped)
        #expect(priority.explanation[0].contains("2 less developed, 1 transition, 1 more developed"))
    }

    @Test("the cap is explained")
    func capExplained() {
        let priority = Priority.compute(territory: .region("PL92"), regionCategory: .moreDeveloped, countryRegionCategories: [],
                                        challenges: ChallengeKind.allCases)
        #expect(priority.explanation.contains { $0.contains("capped at +15") })
    }
}

@Suite("Saving what is valid of a draft")
struct KeepingValidTests {
    @Test("each wrong field goes back to its saved value; the valid ones stay as sent")
    func keepsValid() {
        let saved = ApplicationContent(organisationName: "Περιφέρεια Κρήτης", contact: Contact(name: "Eleni", email: "eleni@crete.example.gr"),
                                       challenges: [Challenge(kind: "green", justification: "Saved justification")], needs: "Saved needs",
                                       answers: ["q1": .text("saved answer"), "q2": .number(3)])
        var sent = saved
        sent.organisationName = String(repeating: "Κ", count: ApplicationRules.shortTextLimit + 1)
        sent.contact = Contact(name: "Eleni Papadaki", email: "eleni@")
        sent.challenges = [Challenge(kind: "green", justification: "New"), Challenge(kind: "green", justification: "Twice")]
        sent.needs = "New needs"
        sent.answers = ["q1": .text("new answer"), "q2": .text("three")]
        let problems = ApplicationRules.draftProblems(sent, reference: reference)
            .merging({ var errors = FieldErrors(); errors.add("answers.q2", "enter a number"); return errors }())
        #expect(Set(problems.messages.keys) == ["organisationName", "contact.email", "challenges[1].kind", "answers.q2"])

        let kept = sent.keepingValid(problems, savedAs: saved)
        #expect(kept.organisationName == "Περιφέρεια Κρήτης")
        #expect(kept.contact == Contact(name: "Eleni Papadaki", email: "eleni@crete.example.gr"), "the name is valid, the address is not")
        #expect(kept.challenges == saved.challenges, "one list: a problem in it keeps the saved list")
        #expect(kept.needs == "New needs")
        #expect(kept.answers == ["q1": .text("new answer"), "q2": .number(3)])
        #expect(ApplicationRules.draftProblems(kept, reference: reference).isEmpty)
        #expect(sent.keepingValid(FieldErrors(), savedAs: saved) == sent, "nothing wrong: everything as sent")
    }
}
